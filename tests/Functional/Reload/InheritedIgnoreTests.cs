using HotReload.Testing.Files;
using HotReloadProxy.Reload.Triggers;

namespace HotReload.Functional.Tests.Reload;

/// <summary>A proxy started under nohup cannot receive SIGHUP; it must notice and say so instead of ignoring kill -HUP silently.</summary>
public sealed class InheritedIgnoreTests
{
    [Theory]
    [Requirement("MR-02")]
    [InlineData("0000000000000001", true)]
    [InlineData("0000000000001003", true)]
    [InlineData("0000000000000000", false)]
    [InlineData("0000000000000002", false)]
    public void The_ignored_signal_mask_tells_whether_sighup_can_arrive(string mask, bool ignored)
    {
        using var directory = new TempDirectory();
        var status = directory.File("status");
        File.WriteAllText(status, $"Name:\tdotnet\nSigQ:\t0/95368\nSigPnd:\t0000000000000000\nSigBlk:\t0000000000000000\nSigIgn:\t{mask}\nSigCgt:\t0000000000004a02\n");

        Assert.Equal(ignored, InheritedIgnore.IsHangupIgnored(status));
    }

    [Fact]
    [Requirement("MR-02")]
    public void This_test_process_reads_its_own_mask_without_failing()
    {
        var lastHexDigit = File.ReadLines("/proc/self/status").Single(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))[^1];
        var expected = Convert.ToInt32(lastHexDigit.ToString(), 16) % 2 == 1;
        Assert.Equal(expected, InheritedIgnore.IsHangupIgnored());
    }
}
