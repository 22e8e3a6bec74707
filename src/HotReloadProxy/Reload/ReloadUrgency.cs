namespace HotReloadProxy.Reload;

/// <summary>How soon the scheduler may read the file after a change, as the kind of change allows.</summary>
internal enum ReloadUrgency
{
    /// <summary>
    /// The file may still be being written (in-place writes, creations, deletions, polls): wait for the quiet
    /// window, so the several events one save makes become one read of the finished file.
    /// </summary>
    Coalesce,

    /// <summary>
    /// The change is whole the moment it is seen: something was renamed onto the watched name (a safe-write
    /// editor's rename, kubelet's <c>..data</c> swap). A rename is atomic, so there is nothing to wait for.
    /// </summary>
    Immediate,
}
