"""The `voordeur` command line (CONTRACT.md): `main` parses and runs the commands; `operator`, `chat`,
`demo` and `understand` are the commands that are more than a few lines."""
