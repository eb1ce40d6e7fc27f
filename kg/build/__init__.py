"""Building the dataset: ontology plus curated facts, reasoned, validated and released."""
