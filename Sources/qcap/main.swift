import QCapCLI

// The driver: the whole command line lives in QCapCLI so third parties can build their own with extra rubrics.
QCapCommand.main(rubrics: BuiltInRubrics.all)
