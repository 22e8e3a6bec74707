using FsCheck.Experimental;
using FsCheck.Xunit;

namespace HotReload.Property.Tests.ReloadMachine;

/// <summary>
/// Model-based test of the reload state machine: random sequences of writes (valid, half-written, each kind
/// of semantic error, empty, oversized, server changes), deletes, recreates, touches, directories,
/// unreadable files, bursts, clock advances around the quiet window and manual reloads. After every
/// operation the engine must agree with <see cref="ReloadModel"/> and keep its promises on its own history.
/// On failure FsCheck prints the shrunk sequence and a replay seed: put it in <c>Replay = "(s1,s2)"</c> on
/// the attribute to rerun exactly that case (see tests/Property/README.md).
/// </summary>
public sealed class ReloadStateMachineProperties
{
    [Property(MaxTest = 1000, EndSize = 60, QuietOnSuccess = true)]
    [Requirement("HR-02", "HR-03", "HR-04", "EH-01", "EH-02", "EH-03", "EH-04", "RC-01", "RC-02", "AT-04", "CD-05", "OB-01", "LG-01", "LG-02", "LG-03")]
    public FsCheck.Property The_engine_follows_the_reload_model_through_any_sequence_of_file_changes() =>
        new ReloadStateMachine().ToProperty();
}
