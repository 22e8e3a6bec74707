using HotReload.Traceability.Cli;

// requirements.csv x the tests' [Requirement] attributes x TRX results -> coverage report and feature
// pages. See CliOptions.Usage, or README.md's "Test it".
return TraceabilityCli.Run(args, Console.Out, Console.Error);
