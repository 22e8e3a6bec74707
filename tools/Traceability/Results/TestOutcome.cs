namespace HotReload.Traceability.Results;

/// <summary>What a run says about one test method, every theory row and every TRX file together.</summary>
public enum TestOutcome
{
    /// <summary>No result for the method: not in the run, or every row skipped.</summary>
    NotRun,

    /// <summary>At least one row ran and every row that ran passed.</summary>
    Passed,

    /// <summary>At least one row failed, errored, timed out or was aborted.</summary>
    Failed,
}
