namespace HotReload.Conformance.Tests.Support;

/// <summary>The reload faults the runner must catch, one per faulty target.</summary>
public enum Fault
{
    /// <summary>A correct target: the control that shows the runner does not cry wolf.</summary>
    None,

    /// <summary>Reports the new generation at once but keeps serving the old snapshot for a while.</summary>
    ServesOldAfterAcknowledging,

    /// <summary>Serves no route (404) while the file is missing.</summary>
    DropsRoutesWhileDeleted,

    /// <summary>For a while after each swap, forwards the old version upstream while answering with the new one.</summary>
    MixesTwoVersions,

    /// <summary>Stops looking at the file once it was missing, so the recreated file never applies.</summary>
    StopsWatchingAfterDelete,

    /// <summary>Swaps in whatever version a changed file names before validating it, then reverts.</summary>
    SwapsBeforeValidating,
}
