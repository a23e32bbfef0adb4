"""Running the pipeline past one process: extraction on a Ray cluster (``ray_extract``).

Ray is an optional extra (``pip install 'warledger[ray]'``); nothing here imports it until
a Ray engine is asked for, so the default install never needs it.
"""
