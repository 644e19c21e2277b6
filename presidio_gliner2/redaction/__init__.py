"""The redaction layer every face calls: analyzers from deployment configs, the batched analysis
entry point, overlap rules, operators, pseudonyms, policies, the Redactor, document readers."""
