using HotReload.Testing.Files;
using HotReloadProxy.Reload;

namespace HotReload.Functional.Tests.Reload;

/// <summary>
/// Reading the config file: the whole file, whatever length it reported when it was opened, and never more than the
/// limit. A file's length can change between opening and reading (an in-place write), and some files report none.
/// </summary>
public sealed class PhysicalConfigFileSourceTests : IDisposable
{
    private readonly TempDirectory _directory = new("file-source");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [Requirement("EH-02", "CV-10")]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(300_000)]
    public void A_file_is_read_whole(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = _directory.NestedFile("proxy.json");
        File.WriteAllBytes(path, bytes);

        var read = new PhysicalConfigFileSource(path).Read(maxBytes: 1_000_000);

        Assert.Equal(bytes, Assert.IsType<ConfigFileRead.Content>(read).Bytes);
    }

    [Fact]
    [Requirement("EH-02", "CV-10")]
    public void A_file_over_the_limit_is_too_large()
    {
        var path = _directory.NestedFile("proxy.json");
        File.WriteAllBytes(path, new byte[1001]);

        var read = new PhysicalConfigFileSource(path).Read(maxBytes: 1000);

        Assert.Equal(1001, Assert.IsType<ConfigFileRead.TooLarge>(read).Size);
    }

    [Fact]
    [Requirement("EH-02", "CV-10")]
    public void A_file_longer_than_the_length_it_reported_is_read_to_its_end()
    {
        // Linux's /proc files report a length of 0 and hold text: the same path a file growing under an in-place
        // write takes, made deterministic.
        const string path = "/proc/self/mountinfo";
        Assert.True(File.Exists(path), "this test reads Linux's /proc");
        Assert.Equal(0, new FileInfo(path).Length);

        var read = new PhysicalConfigFileSource(path).Read(maxBytes: 10_000_000);

        Assert.Equal(ReadToEnd(path), Assert.IsType<ConfigFileRead.Content>(read).Bytes);
    }

    [Fact]
    [Requirement("EH-02", "CV-10")]
    public void A_file_shorter_than_the_length_it_reported_is_cut_to_what_it_holds()
    {
        // sysfs files report 4096 bytes and hold a few: the same path a file truncated under the reader takes.
        const string path = "/sys/devices/system/cpu/online";
        Assert.True(File.Exists(path), "this test reads Linux's /sys");
        var expected = ReadToEnd(path);
        Assert.True(new FileInfo(path).Length > expected.Length);

        var read = new PhysicalConfigFileSource(path).Read(maxBytes: 10_000_000);

        Assert.Equal(expected, Assert.IsType<ConfigFileRead.Content>(read).Bytes);
    }

    [Fact]
    [Requirement("EH-02", "CV-10")]
    public void A_file_that_grows_past_the_limit_while_read_is_too_large()
    {
        const string path = "/proc/self/mountinfo";
        Assert.True(File.Exists(path), "this test reads Linux's /proc");

        var read = new PhysicalConfigFileSource(path).Read(maxBytes: 10);

        Assert.True(Assert.IsType<ConfigFileRead.TooLarge>(read).Size > 10);
    }

    // Not File.ReadAllBytes: it trusts the reported length, and throws for a sysfs file that holds less.
    private static byte[] ReadToEnd(string path)
    {
        using var stream = File.OpenRead(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
