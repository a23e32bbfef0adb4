"""Speed and memory benchmarks (``warledger bench``)."""
