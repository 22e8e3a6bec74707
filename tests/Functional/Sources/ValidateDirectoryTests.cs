using HotReload.Functional.Tests.Support;
using HotReload.Testing.Files;
using HotReloadProxy.Cli;
using HotReloadProxy.Hosting;
using Microsoft.Extensions.Configuration;

namespace HotReload.Functional.Tests.Sources;

/// <summary><c>validate &lt;dir&gt;</c> on real directories, and the command-line rules for choosing a source.</summary>
public sealed class ValidateDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new("validate-dir");

    public void Dispose() => _temp.Dispose();

    [Fact]
    [Requirement("DS-12")]
    public void Validate_accepts_a_directory_whose_every_file_applies()
    {
        Write("a.json", FragmentDirectory.Respond("a", "/a", "a"));
        Write("b.json", FragmentDirectory.Respond("b", "/b", "b"));
        Write(".ignored.json", "{ not json");

        var (code, stdout, _) = Validate(_temp.Path);

        Assert.Equal(0, code);
        Assert.Contains("valid (2 files, 2 routes, 0 clusters)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("DS-12", "DS-04", "DS-09")]
    public void Validate_names_the_file_line_and_column_of_each_error_and_both_files_of_a_duplicate()
    {
        Write("a.json", FragmentDirectory.Respond("dup", "/a", "a"));
        Write("b.json", FragmentDirectory.Respond("dup", "/b", "b"));
        Write("c.json", "{\n  \"routes\": [\n    {\"id\": \"c\",,}\n  ]\n}");

        var (code, _, stderr) = Validate(_temp.Path);

        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(_temp.Path, "c.json") + ":3:", stderr, StringComparison.Ordinal);
        Assert.Matches(@"a\.json:\d+:\d+: The route id 'dup' is defined in a\.json and also in b\.json", stderr);
    }

    [Fact]
    [Requirement("DS-12")]
    public void Validate_exits_2_for_a_directory_that_does_not_exist() =>
        Assert.Equal(2, Validate(_temp.File("nope")).Code);

    [Theory]
    [Requirement("ET-10")]
    [InlineData("config", "/x.json", "config-dir", "/conf.d")]
    [InlineData("config-dir", "/conf.d", "etcd", "http://127.0.0.1:2379")]
    [InlineData("etcd", "http://127.0.0.1:2379", null, null)]
    [InlineData("etcd-key", "/k", null, null)]
    [InlineData("etcd", "ftp://127.0.0.1:2379", "etcd-key", "/k")]
    public void Conflicting_or_incomplete_source_options_are_refused_with_a_message(string name1, string value1, string? name2, string? value2)
    {
        var settings = new Dictionary<string, string?> { [name1] = value1 };
        if (name2 is not null)
        {
            settings[name2] = value2;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var error = Assert.Throws<ProxyOptionsException>(() => HotReloadProxy.Sources.ConfigSources.Create(Services(ProxyOptions.From(configuration))));
        Assert.Contains("--", error.Message, StringComparison.Ordinal);
    }

    private static IServiceProvider Services(ProxyOptions options)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, options);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, TimeProvider.System);
        Microsoft.Extensions.DependencyInjection.LoggingServiceCollectionExtensions.AddLogging(services);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<HotReloadProxy.Reload.ReloadNotifier>(services);
        return Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
    }

    private void Write(string name, string content) => File.WriteAllText(_temp.File(name), content);

    private static (int Code, string Stdout, string Stderr) Validate(string path)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ValidateCommand.Run([path], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
