using HotReload.Traceability.Discovery;
using HotReload.Traceability.Results;

namespace HotReload.Traceability.Report;

/// <summary>A test method and its outcome in the run (NotRun when no results were given).</summary>
public sealed record TestCoverage(TestMethod Method, TestOutcome Outcome);
