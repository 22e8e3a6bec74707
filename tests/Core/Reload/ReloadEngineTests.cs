using HotReload.Core.Tests.Support;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;
using Microsoft.Extensions.Logging;

namespace HotReload.Core.Tests.Reload;

/// <summary>
/// The engine's outcomes, status, log events and messages, one attempt at a time over an in-memory file: the
/// initial load (from the file or the embedded default), applied, unchanged, deferred and rejected reloads.
/// </summary>
public sealed class ReloadEngineTests
{
    private const string Path = "/memory/proxy.json";

    private static ReloadReason FileEvent() => new(ReloadReasonKind.FileEvent, "test");

    private static string Value(Microsoft.Extensions.Logging.Testing.FakeLogRecord record, string name) => EngineUnderTest.Value(record, name)!;

    private static ProxyConfig WithServer(string version, string? urls, string? adminUrls) =>
        TestConfigs.Versioned(version) with { Server = new ServerConfig { Urls = urls, AdminUrls = adminUrls } };

    [Fact]
    [Requirement("HR-02", "OB-01", "LG-01")]
    public void The_initial_load_is_generation_1_with_its_status_outcome_and_log_event()
    {
        var under = new EngineUnderTest(options: new ReloadEngineOptions { Mode = "poll" });
        under.File.Write(TestConfigs.Versioned("v1", [TestConfigs.RespondRoute("a", "/a", "a")]).ToJson());

        var snapshot = under.Engine.LoadInitial();

        Assert.Equal(1, snapshot.Generation);
        Assert.Same(snapshot, under.Holder.Current);
        var outcome = Assert.Single(under.Outcomes);
        Assert.Equal(ReloadResult.Applied, outcome.Result);
        Assert.Same(ReloadReason.Startup, outcome.ReloadReason);
        Assert.Equal(1, outcome.Generation);
        Assert.Equal(snapshot.Sha256, outcome.Sha256);
        Assert.Equal(under.Time.GetUtcNow(), outcome.At);
        var status = under.Status;
        Assert.Equal(1, status.Generation);
        Assert.Equal(snapshot.Sha256, status.Sha256);
        Assert.Equal(under.Time.GetUtcNow(), status.LoadedAt);
        Assert.Equal(Path, status.Source);
        Assert.Equal("poll", status.Mode);
        Assert.False(status.UsingEmbeddedDefault);
        Assert.Same(outcome, status.LastAttempt);
        var loaded = Assert.Single(under.Events(1000));
        Assert.Equal(LogLevel.Information, loaded.Level);
        Assert.Equal(Path, Value(loaded, "Source"));
        Assert.Equal(snapshot.Sha256[..8], Value(loaded, "ShaPrefix"));
        Assert.Equal("2", Value(loaded, "RouteCount"));
        Assert.Equal("0", Value(loaded, "ClusterCount"));
        Assert.Equal("1", Value(loaded, "Generation"));
        Assert.Empty(under.Events(1001));
    }

    [Fact]
    [Requirement("HR-02")]
    public void A_second_initial_load_returns_the_serving_snapshot_without_reading_the_file()
    {
        var under = EngineUnderTest.Loaded("v1");
        var first = under.Holder.Current;
        under.WriteVersion("v2");

        Assert.Same(first, under.Engine.LoadInitial());
        Assert.Equal(0, under.File.Reads);
        Assert.Empty(under.Outcomes);
    }

    [Fact]
    [Requirement("CV-12")]
    public void An_unusable_file_at_startup_throws_with_its_reason_and_errors_and_serves_nothing()
    {
        var missing = new EngineUnderTest();
        var notFound = Assert.Throws<ConfigLoadException>(() => missing.Engine.LoadInitial());
        Assert.Equal(RejectionReason.Missing, notFound.Reason);
        Assert.Equal(Path, notFound.File);
        Assert.Equal(2, notFound.ExitCode);
        Assert.Null(missing.Holder.Current);
        Assert.Null(missing.Engine.Status);

        var invalid = new EngineUnderTest();
        invalid.File.Write(TestConfigs.UnknownClusterJson("v1"));
        var rejected = Assert.Throws<ConfigLoadException>(() => invalid.Engine.LoadInitial());
        Assert.Equal(RejectionReason.Invalid, rejected.Reason);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("missing", Assert.Single(rejected.Errors).Message, StringComparison.Ordinal);
        Assert.Null(invalid.Holder.Current);
    }

    [Fact]
    [Requirement("PX-08")]
    public void Without_a_file_the_embedded_default_is_generation_1_and_says_so()
    {
        var under = new EngineUnderTest(options: new ReloadEngineOptions { FallBackToEmbeddedDefault = true });

        var snapshot = under.Engine.LoadInitial();

        Assert.Equal("welcome", Assert.Single(snapshot.Config.Routes).Id);
        Assert.True(under.Status.UsingEmbeddedDefault);
        Assert.Equal(Path, under.Status.Source);
        var notice = Assert.Single(under.Events(1001));
        Assert.Equal(LogLevel.Information, notice.Level);
        Assert.Equal(Path, Value(notice, "Path"));
        Assert.Equal("the embedded default", Value(Assert.Single(under.Events(1000)), "Source"));
    }

    [Fact]
    [Requirement("PX-08")]
    public void The_embedded_default_is_used_only_for_a_missing_file_never_for_a_broken_one()
    {
        var under = new EngineUnderTest(options: new ReloadEngineOptions { FallBackToEmbeddedDefault = true });
        under.File.Write("{");

        Assert.Equal(RejectionReason.Syntax, Assert.Throws<ConfigLoadException>(() => under.Engine.LoadInitial()).Reason);
    }

    [Fact]
    [Requirement("PX-08", "OB-01", "HR-04")]
    public void UsingEmbeddedDefault_stays_true_through_rejections_and_turns_false_for_good_once_a_file_applies()
    {
        var under = new EngineUnderTest(options: new ReloadEngineOptions { FallBackToEmbeddedDefault = true });
        under.Engine.LoadInitial();

        Assert.Equal(ReloadResult.Rejected, under.Engine.Reload(FileEvent())!.Result);
        Assert.True(under.Status.UsingEmbeddedDefault);

        under.WriteVersion("v1");
        Assert.Equal(ReloadResult.Applied, under.Engine.Reload(FileEvent())!.Result);
        Assert.False(under.Status.UsingEmbeddedDefault);

        under.File.Delete();
        Assert.Equal(ReloadResult.Rejected, under.Engine.Reload(FileEvent())!.Result);
        Assert.False(under.Status.UsingEmbeddedDefault);
    }

    [Fact]
    [Requirement("HR-02")]
    public void A_reload_before_the_initial_load_is_refused()
    {
        var under = new EngineUnderTest();
        under.WriteVersion("v1");

        Assert.Throws<InvalidOperationException>(() => under.Engine.Reload(FileEvent()));
        Assert.Throws<ArgumentNullException>(() => under.Engine.Reload(null!));
    }

    [Fact]
    [Requirement("HR-01", "HR-02", "LG-01", "OB-03", "OB-01")]
    public void An_applied_reload_swaps_in_the_next_generation_and_reports_its_diff_status_and_log()
    {
        var under = EngineUnderTest.Loaded("v1");
        var before = under.Holder.Current!;
        under.Time.GetUtcNow();
        under.File.Write(TestConfigs.Versioned("v2", [TestConfigs.RespondRoute("new", "/new", "n")]).ToJson());

        var outcome = under.Engine.Reload(FileEvent())!;

        Assert.Equal(ReloadResult.Applied, outcome.Result);
        Assert.Equal(2, outcome.Generation);
        Assert.NotSame(before, under.Holder.Current);
        Assert.Equal(2, under.Holder.Current!.Generation);
        Assert.Equal(under.Holder.Current.Sha256, outcome.Sha256);
        Assert.Equal("routes +1 -0 ~1, clusters +0 -0 ~0", outcome.Diff!.Summary);
        Assert.Same(outcome, Assert.Single(under.Outcomes));
        Assert.Equal(new ReloadCounts(1, 0, 0), under.Status.Counts);
        Assert.Equal(2, under.Status.Generation);
        Assert.Equal(outcome.Sha256, under.Status.Sha256);
        Assert.Same(outcome, under.Status.LastAttempt);
        var applied = Assert.Single(under.Events(1010));
        Assert.Equal(LogLevel.Information, applied.Level);
        Assert.Equal("2", Value(applied, "Generation"));
        Assert.Equal(outcome.Sha256![..8], Value(applied, "ShaPrefix"));
        Assert.Equal("routes +1 -0 ~1, clusters +0 -0 ~0", Value(applied, "Diff"));
        var triggered = Assert.Single(under.Events(1016));
        Assert.Equal(LogLevel.Debug, triggered.Level);
        Assert.Equal("file-event (test)", Value(triggered, "Trigger"));
        Assert.Empty(under.Events(1011));
    }

    [Fact]
    [Requirement("LG-01")]
    public void Each_added_changed_and_removed_route_is_logged_at_debug()
    {
        var under = new EngineUnderTest();
        under.File.Write(TestConfigs.Versioned("v1", [TestConfigs.RespondRoute("gone", "/gone", "g")]).ToJson());
        under.Engine.LoadInitial();
        under.Logs.Clear();
        under.File.Write(TestConfigs.Versioned("v2", [TestConfigs.RespondRoute("new", "/new", "n", status: 201)]).ToJson());

        under.Engine.Reload(FileEvent());

        var changes = under.Events(1015).Select(r => $"{Value(r, "RouteId")} {Value(r, "Change")}: {Value(r, "Details")}").ToList();
        Assert.Equal(
            [
                "new added: path /new, respond 201",
                "version changed: path /version, respond 200, responseHeaders {X-Config-Version: v2}",
                "gone removed: -",
            ],
            changes);
        Assert.All(under.Events(1015), r => Assert.Equal(LogLevel.Debug, r.Level));
    }

    [Fact]
    [Requirement("HR-03", "LG-03")]
    public void Identical_bytes_are_unchanged_no_swap_and_logged_at_debug_only()
    {
        var under = EngineUnderTest.Loaded("v1");
        var serving = under.Holder.Current;
        under.File.Touch();

        var outcome = under.Engine.Reload(FileEvent())!;

        Assert.Equal(ReloadResult.Unchanged, outcome.Result);
        Assert.Equal(1, outcome.Generation);
        Assert.Equal(serving!.Sha256, outcome.Sha256);
        Assert.Null(outcome.Diff);
        Assert.Same(serving, under.Holder.Current);
        Assert.Equal(new ReloadCounts(0, 1, 0), under.Status.Counts);
        var unchanged = Assert.Single(under.Events(1013));
        Assert.Equal(LogLevel.Debug, unchanged.Level);
        Assert.Equal(Path, Value(unchanged, "Source"));
        Assert.Equal(serving.Sha256[..8], Value(unchanged, "ShaPrefix"));
        Assert.Equal("1", Value(unchanged, "Generation"));
        Assert.DoesNotContain(under.Logs.GetSnapshot(), r => r.Level > LogLevel.Debug);
    }

    [Theory]
    [Requirement("LG-02", "EH-01", "EH-02", "EH-04")]
    [InlineData("missing", nameof(RejectionReason.Missing), "file missing")]
    [InlineData("empty", nameof(RejectionReason.Empty), "file empty")]
    [InlineData("syntax", nameof(RejectionReason.Syntax), "JSON syntax error")]
    [InlineData("invalid", nameof(RejectionReason.Invalid), "invalid config")]
    [InlineData("too large", nameof(RejectionReason.TooLarge), "file too large")]
    [InlineData("directory", nameof(RejectionReason.IsDirectory), "path is a directory")]
    [InlineData("unreadable", nameof(RejectionReason.Unreadable), "file unreadable")]
    [InlineData("server changed", nameof(RejectionReason.RestartRequired), "restart required")]
    public void Each_rejection_keeps_the_serving_generation_and_warns_with_its_reason_text(string condition, string reasonName, string text)
    {
        var reason = Enum.Parse<RejectionReason>(reasonName);
        var under = EngineUnderTest.Loaded("v1");
        var serving = under.Holder.Current!;
        Break(under, condition);

        var outcome = under.Engine.Reload(FileEvent())!;

        Assert.Equal(ReloadResult.Rejected, outcome.Result);
        Assert.Equal(reason, outcome.Reason);
        Assert.Equal(1, outcome.Generation);
        Assert.NotEmpty(outcome.Errors);
        Assert.Same(serving, under.Holder.Current);
        Assert.Equal(1, under.Status.Generation);
        Assert.Equal(serving.Sha256, under.Status.Sha256);
        Assert.Equal(serving.LoadedAt, under.Status.LoadedAt);
        Assert.Same(outcome, under.Status.LastAttempt);
        Assert.Equal(new ReloadCounts(0, 0, 1), under.Status.Counts);
        var warning = Assert.Single(under.Events(1011));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(text, Value(warning, "Reason"));
        Assert.Equal("1", Value(warning, "Generation"));
        Assert.Equal(string.Join(" ", outcome.Errors.Select(e => e.Format(Path))), Value(warning, "Causes"));
        Assert.StartsWith($"{Path}:", Value(warning, "Causes"), StringComparison.Ordinal);
    }

    private static void Break(EngineUnderTest under, string condition)
    {
        switch (condition)
        {
            case "missing": under.File.Delete(); break;
            case "empty": under.File.Write(""); break;
            case "syntax": under.File.Write("{ \"routes\": ["); break;
            case "invalid": under.File.Write(TestConfigs.UnknownClusterJson("v2")); break;
            case "too large": under.File.Write("{}" + new string(' ', (int)ReloadEngineOptions.DefaultMaxConfigBytes)); break;
            case "directory": under.File.ReplaceWithDirectory(); break;
            case "unreadable": under.File.MakeUnreadable(); break;
            case "server changed": under.File.Write(WithServer("v2", "http://127.0.0.1:8081", null).ToJson()); break;
            default: throw new ArgumentOutOfRangeException(nameof(condition), condition, null);
        }
    }

    [Fact]
    [Requirement("LG-02")]
    public void The_same_rejection_again_is_logged_once_as_a_warning_then_at_debug_with_its_reason()
    {
        var under = EngineUnderTest.Loaded("v1");
        under.File.Write("{");
        under.Engine.Reload(FileEvent());
        under.File.Touch();

        under.Engine.Reload(FileEvent());

        Assert.Single(under.Events(1011));
        var again = Assert.Single(under.Events(1012));
        Assert.Equal(LogLevel.Debug, again.Level);
        Assert.Equal("JSON syntax error", Value(again, "Reason"));
        Assert.Equal("1", Value(again, "Generation"));
        Assert.Equal(new ReloadCounts(0, 0, 2), under.Status.Counts);

        // Other broken bytes are news.
        under.File.Write("{ ");
        under.Engine.Reload(FileEvent());
        Assert.Equal(2, under.Events(1011).Count);
    }

    [Theory]
    [Requirement("LG-02")]
    [InlineData(false)]
    [InlineData(true)]
    public void A_rejection_seen_again_after_a_good_attempt_is_news_again(bool goodAttemptApplies)
    {
        var under = EngineUnderTest.Loaded("v1");
        under.File.Write("{");
        under.Engine.Reload(FileEvent());
        if (goodAttemptApplies)
        {
            under.WriteVersion("v2");
        }
        else
        {
            under.WriteVersion("v1");   // the serving bytes: unchanged
        }

        under.Engine.Reload(FileEvent());
        under.File.Write("{");
        under.Engine.Reload(FileEvent());

        Assert.Equal(2, under.Events(1011).Count);
        Assert.Empty(under.Events(1012));
    }

    [Fact]
    [Requirement("LG-02")]
    public void A_missing_file_seen_twice_is_one_warning()
    {
        var under = EngineUnderTest.Loaded("v1");
        under.File.Delete();

        under.Engine.Reload(FileEvent());
        under.Engine.Reload(FileEvent());

        Assert.Single(under.Events(1011));
        Assert.Single(under.Events(1012));
    }

    [Fact]
    [Requirement("EH-04")]
    public void A_changed_server_section_is_rejected_with_a_message_naming_both_addresses_and_what_to_do()
    {
        var under = new EngineUnderTest();
        under.File.Write(WithServer("v1", "http://127.0.0.1:8080", null).ToJson());
        under.Engine.LoadInitial();
        under.File.Write(WithServer("v2", "http://127.0.0.1:8081", "http://127.0.0.1:9902").ToJson());

        var outcome = under.Engine.Reload(FileEvent())!;

        Assert.Equal(RejectionReason.RestartRequired, outcome.Reason);
        Assert.NotNull(outcome.Sha256);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("$", error.JsonPath);
        Assert.Equal(
            "The \"server\" section changed (urls http://127.0.0.1:8080 -> http://127.0.0.1:8081, adminUrls (default) -> http://127.0.0.1:9902). " +
            "Listener addresses apply only at startup: restart the proxy to use them, or revert that section to keep reloading without a restart.",
            error.Message);

        under.WriteVersion("v3");   // the section removed: every address back to its default
        var removed = Assert.Single(under.Engine.Reload(FileEvent())!.Errors);
        Assert.Contains("(urls http://127.0.0.1:8080 -> (default), adminUrls (default) -> (default))", removed.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("EH-04", "HR-01")]
    public void A_change_elsewhere_with_the_same_server_section_applies()
    {
        var under = new EngineUnderTest();
        under.File.Write(WithServer("v1", "http://127.0.0.1:8080", "http://127.0.0.1:9901").ToJson());
        under.Engine.LoadInitial();
        under.File.Write(WithServer("v2", "http://127.0.0.1:8080", "http://127.0.0.1:9901").ToJson());

        Assert.Equal(ReloadResult.Applied, under.Engine.Reload(FileEvent())!.Result);
        Assert.Equal("v2", under.ServedVersion);
    }

    [Fact]
    [Requirement("EH-04", "EH-01")]
    public void An_invalid_file_with_a_changed_server_section_is_rejected_as_invalid()
    {
        var under = EngineUnderTest.Loaded("v1");
        under.File.Write("{ \"server\": { \"urls\": \"http://127.0.0.1:8081\" }, \"routes\": [ { \"id\": 1 } ] }");

        Assert.Equal(RejectionReason.Invalid, under.Engine.Reload(FileEvent())!.Reason);
    }

    [Theory]
    [Requirement("EH-03")]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("syntax")]
    public void A_file_that_may_be_mid_write_is_deferred_when_allowed_publishing_nothing(string condition)
    {
        var under = EngineUnderTest.Loaded("v1");
        var status = under.Status;
        Break(under, condition);

        Assert.Null(under.Engine.Reload(FileEvent(), allowDefer: true));

        Assert.Empty(under.Outcomes);
        Assert.Same(status, under.Status);
        Assert.Empty(under.Events(1011));
    }

    [Theory]
    [Requirement("EH-03", "EH-02", "EH-04")]
    [InlineData("invalid")]
    [InlineData("too large")]
    [InlineData("directory")]
    [InlineData("unreadable")]
    [InlineData("server changed")]
    public void A_file_that_cannot_be_mid_write_is_judged_even_when_deferring_is_allowed(string condition)
    {
        var under = EngineUnderTest.Loaded("v1");
        Break(under, condition);

        Assert.Equal(ReloadResult.Rejected, under.Engine.Reload(FileEvent(), allowDefer: true)!.Result);
    }

    [Fact]
    [Requirement("HR-04")]
    public void After_a_rejection_the_next_valid_file_applies_as_the_next_generation()
    {
        var under = EngineUnderTest.Loaded("v1");
        under.File.MakeUnreadable();
        under.Engine.Reload(FileEvent());
        under.WriteVersion("v2");

        var outcome = under.Engine.Reload(FileEvent())!;

        Assert.Equal(2, outcome.Generation);
        Assert.Equal("v2", under.ServedVersion);
        Assert.Equal(new ReloadCounts(1, 0, 1), under.Status.Counts);
    }

    [Fact]
    [Requirement("LG-01")]
    public void Hashes_are_shortened_to_8_characters_in_logs()
    {
        Assert.Equal("01234567", ReloadEngine.ShortHash("0123456789abcdef"));
        Assert.Equal("01234567", ReloadEngine.ShortHash("01234567"));
        Assert.Equal("0123", ReloadEngine.ShortHash("0123"));
    }

    [Fact]
    [Requirement("EH-04")]
    public void The_restart_message_names_the_old_admin_address_and_a_default_that_became_an_address()
    {
        var under = new EngineUnderTest();
        under.File.Write(WithServer("v1", null, "http://127.0.0.1:9901").ToJson());
        under.Engine.LoadInitial();
        under.File.Write(WithServer("v2", "http://127.0.0.1:8081", "http://127.0.0.1:9901").ToJson());
        Assert.Contains("(urls (default) -> http://127.0.0.1:8081, adminUrls http://127.0.0.1:9901 -> http://127.0.0.1:9901)",
            Assert.Single(under.Engine.Reload(FileEvent())!.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("LG-02", "CV-02")]
    public void A_warning_lists_every_cause_separated_by_a_space()
    {
        var under = EngineUnderTest.Loaded("v1");
        under.File.Write("{ \"routes\": [ { \"id\": \"a\", \"match\": { \"path\": \"/a\" } }, { \"id\": \"b\", \"match\": { \"path\": \"/b\" } } ] }");

        var outcome = under.Engine.Reload(FileEvent())!;

        Assert.True(outcome.Errors.Count >= 2);
        Assert.Equal(string.Join(" ", outcome.Errors.Select(e => e.Format(Path))), Value(Assert.Single(under.Events(1011)), "Causes"));
    }

    [Fact]
    [Requirement("HR-02")]
    public void A_reload_before_the_initial_load_says_what_must_come_first_and_the_mode_defaults_to_watch()
    {
        var under = new EngineUnderTest();
        Assert.Equal("LoadInitial must succeed before reloads.", Assert.Throws<InvalidOperationException>(() => under.Engine.Reload(FileEvent())).Message);
        Assert.Equal("watch", new ReloadEngineOptions().Mode);
        Assert.False(new ReloadEngineOptions().FallBackToEmbeddedDefault);
        Assert.Equal(10 * 1024 * 1024, new ReloadEngineOptions().MaxConfigBytes);
    }
}
