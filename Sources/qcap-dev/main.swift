import QCapCLI

// Developer tool: scaffolding, registry generation and benchmarks. See docs/architecture.md.
QCapDev.main()
