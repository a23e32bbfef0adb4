"""Training the learned components from the annotated corpus (``warledger train``)."""
