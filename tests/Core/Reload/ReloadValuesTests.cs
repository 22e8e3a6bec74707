using HotReload.Core.Tests.Support;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;
using HotReloadProxy.Testing.Configs;

namespace HotReload.Core.Tests.Reload;

/// <summary>The small values of the reload pipeline as /status, logs and exit codes show them, and the notifier's order.</summary>
public sealed class ReloadValuesTests
{
    [Theory]
    [Requirement("OB-01")]
    [InlineData(nameof(ReloadReasonKind.Startup), null, "startup", "startup")]
    [InlineData(nameof(ReloadReasonKind.FileEvent), "Changed proxy.json", "file-event", "file-event (Changed proxy.json)")]
    [InlineData(nameof(ReloadReasonKind.Poll), null, "poll", "poll")]
    [InlineData(nameof(ReloadReasonKind.Signal), "SIGHUP", "signal", "signal (SIGHUP)")]
    [InlineData(nameof(ReloadReasonKind.Manual), null, "manual", "manual")]
    [InlineData(nameof(ReloadReasonKind.WatcherRecovery), null, "watcher-recovery", "watcher-recovery")]
    [InlineData(nameof(ReloadReasonKind.Retry), "x", "retry", "retry (x)")]
    public void A_reload_reason_has_a_stable_name_and_text(string kindName, string? detail, string name, string text)
    {
        var kind = Enum.Parse<ReloadReasonKind>(kindName);
        var reason = new ReloadReason(kind, detail);

        Assert.Equal(name, reason.Name);
        Assert.Equal(text, reason.ToString());
        Assert.Equal(ReloadUrgency.Coalesce, reason.Urgency);
    }

    [Fact]
    [Requirement("OB-01", "MR-02")]
    public void The_shared_reasons_are_what_they_say()
    {
        Assert.Equal("startup", ReloadReason.Startup.ToString());
        Assert.Equal("manual", ReloadReason.Manual.ToString());
        Assert.Equal("signal (SIGHUP)", ReloadReason.Signal.ToString());
    }

    [Fact]
    [Requirement("OB-01")]
    public void Counts_add_one_to_the_result_they_are_given_and_results_have_lower_case_names()
    {
        var counts = ReloadCounts.Zero.Add(ReloadResult.Applied).Add(ReloadResult.Unchanged).Add(ReloadResult.Unchanged)
            .Add(ReloadResult.Rejected).Add(ReloadResult.Rejected).Add(ReloadResult.Rejected);

        Assert.Equal(new ReloadCounts(1, 2, 3), counts);
        Assert.Equal(new ReloadCounts(0, 0, 0), ReloadCounts.Zero);
        Assert.Equal("rejected", new ReloadOutcome { Result = ReloadResult.Rejected, ReloadReason = ReloadReason.Manual, At = default, Generation = 1 }.ResultName);
    }

    [Theory]
    [Requirement("UX-03", "CV-12")]
    [InlineData(nameof(RejectionReason.Missing), 2)]
    [InlineData(nameof(RejectionReason.Unreadable), 2)]
    [InlineData(nameof(RejectionReason.IsDirectory), 2)]
    [InlineData(nameof(RejectionReason.TooLarge), 1)]
    [InlineData(nameof(RejectionReason.Syntax), 1)]
    [InlineData(nameof(RejectionReason.Invalid), 1)]
    [InlineData(nameof(RejectionReason.Empty), 1)]
    public void A_startup_failure_maps_to_its_exit_code(string reasonName, int exitCode)
    {
        var reason = Enum.Parse<RejectionReason>(reasonName);
        Assert.Equal(exitCode, new ConfigLoadException("/etc/proxy.json", reason, []).ExitCode);
    }

    [Fact]
    [Requirement("CV-12", "CV-11")]
    public void A_startup_failure_names_the_file_and_every_error_with_its_position()
    {
        var errors = new[]
        {
            new HotReloadProxy.Configuration.Parsing.ConfigError("$.routes[0].id", new(3, 7), "first"),
            new HotReloadProxy.Configuration.Parsing.ConfigError("$.routes[1].id", new(9, 2), "second"),
        };

        var failure = new ConfigLoadException("/etc/proxy.json", RejectionReason.Invalid, errors);

        Assert.Equal($"The config file /etc/proxy.json cannot be used:{Environment.NewLine}/etc/proxy.json:3:7: first{Environment.NewLine}/etc/proxy.json:9:2: second", failure.Message);
        Assert.Equal("/etc/proxy.json", failure.File);
        Assert.Equal(RejectionReason.Invalid, failure.Reason);
        Assert.Same(errors, failure.Errors);
        Assert.Equal("(unknown)", new ConfigLoadException().File);
        Assert.Equal(RejectionReason.Invalid, new ConfigLoadException().Reason);
        Assert.Equal("m", new ConfigLoadException("m").Message);
        Assert.Equal("(unknown)", new ConfigLoadException("m").File);
        Assert.Empty(new ConfigLoadException("m").Errors);
        var inner = new InvalidOperationException();
        Assert.Same(inner, new ConfigLoadException("m", inner).InnerException);
        Assert.Equal("(unknown)", new ConfigLoadException("m", inner).File);
        Assert.Empty(new ConfigLoadException("m", inner).Errors);
    }

    [Theory]
    [Requirement("EH-02", "CV-10")]
    [InlineData("missing", nameof(RejectionReason.Missing), "The config file does not exist (deleted or renamed away). The last good config keeps serving; put the file back to apply changes.")]
    [InlineData("directory", nameof(RejectionReason.IsDirectory), "The config path is a directory, not a file. Replace it with a config file.")]
    [InlineData("unreadable", nameof(RejectionReason.Unreadable), "The config file cannot be read: Permission denied. Check its permissions.")]
    [InlineData("too large", nameof(RejectionReason.TooLarge), "The config file is 2048 bytes, over the 1024-byte limit. Shrink it or raise --max-config-bytes.")]
    public void A_file_that_cannot_be_read_is_rejected_with_what_to_do_at_1_1(string condition, string reasonName, string message)
    {
        var reason = Enum.Parse<RejectionReason>(reasonName);
        ConfigFileRead read = condition switch
        {
            "missing" => new ConfigFileRead.Missing(),
            "directory" => new ConfigFileRead.IsDirectory(),
            "unreadable" => new ConfigFileRead.Unreadable("Permission denied."),
            _ => new ConfigFileRead.TooLarge(2048),
        };

        var check = ConfigCheck.Run(read, new ConfigValidator(), 1024);

        Assert.Equal(reason, check.Reason);
        Assert.False(check.IsValid);
        Assert.Null(check.Sha256);
        Assert.Null(check.Config);
        var error = Assert.Single(check.Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal("$", error.JsonPath);
        Assert.Equal(new HotReloadProxy.Configuration.Parsing.SourcePosition(1, 1), error.Position);
        Assert.Equal(condition == "missing", check.MayBeWriteInProgress);
    }

    [Theory]
    [Requirement("EH-01", "EH-03")]
    [InlineData("", nameof(RejectionReason.Empty), true)]
    [InlineData("{ \"routes\": [", nameof(RejectionReason.Syntax), true)]
    [InlineData("{ \"routes\": 5 }", nameof(RejectionReason.Invalid), false)]
    public void Bytes_that_do_not_parse_are_rejected_with_their_hash_and_whether_they_may_be_mid_write(string text, string reasonName, bool mayBeMidWrite)
    {
        var reason = Enum.Parse<RejectionReason>(reasonName);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);

        var check = ConfigCheck.Run(new ConfigFileRead.Content(bytes), new ConfigValidator(), 1024);

        Assert.Equal(reason, check.Reason);
        Assert.Equal(ConfigCheck.HashOf(bytes), check.Sha256);
        Assert.NotEmpty(check.Errors);
        Assert.Equal(mayBeMidWrite, check.MayBeWriteInProgress);
    }

    [Fact]
    [Requirement("CV-02", "HR-03")]
    public void Valid_bytes_give_the_config_and_its_lower_case_sha256_and_invalid_ones_every_error()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(TestConfigs.Versioned("v1").ToJson());
        var check = ConfigCheck.Run(new ConfigFileRead.Content(bytes), new ConfigValidator(), 1 << 20);

        Assert.True(check.IsValid);
        Assert.Equal(RejectionReason.None, check.Reason);
        Assert.False(check.MayBeWriteInProgress);
        Assert.Equal("v1", check.Config!.Routes.Single().Respond!.Body);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), check.Sha256);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ConfigCheck.HashOf([]));

        var invalid = ConfigCheck.Run(new ConfigFileRead.Content(System.Text.Encoding.UTF8.GetBytes(TestConfigs.UnknownClusterJson("v1"))), new ConfigValidator(), 1 << 20);
        Assert.Equal(RejectionReason.Invalid, invalid.Reason);
        Assert.Single(invalid.Errors);
        Assert.Null(invalid.Valid);
        Assert.Throws<ArgumentNullException>(() => ConfigCheck.Run(null!, new ConfigValidator(), 1));
        Assert.Throws<ArgumentNullException>(() => ConfigCheck.Run(new ConfigFileRead.Missing(), null!, 1));
        Assert.Throws<ArgumentNullException>(() => ConfigCheck.Load(null!, new ConfigValidator(), 1));
    }

    [Fact]
    [Requirement("LG-04", "LG-01")]
    public void A_route_is_described_in_one_line_with_secret_header_values_redacted()
    {
        var forward = TestConfigs.ForwardRoute("api", "/api/{**rest}", "backend") with
        {
            Transforms = new RouteTransforms
            {
                RequestHeaders = TestConfigs.Headers(("Authorization", "Bearer x"), ("X-Team", "blue")),
                ResponseHeaders = TestConfigs.Headers(("X-Api-Key", "k")),
            },
        };

        Assert.Equal("path /api/{**rest}, cluster backend, requestHeaders {Authorization: ***, X-Team: blue}, responseHeaders {X-Api-Key: ***}",
            RouteDescription.Describe(forward));
        Assert.Equal("path /x, respond 204", RouteDescription.Describe(TestConfigs.RespondRoute("x", "/x", "", status: 204)));
        Assert.Equal("path /x, cluster c", RouteDescription.Describe(TestConfigs.ForwardRoute("x", "/x", "c") with
        {
            Transforms = new RouteTransforms { RequestHeaders = TestConfigs.Headers(), ResponseHeaders = TestConfigs.Headers() },
        }));
    }

    [Fact]
    [Requirement("OB-03", "AR-02")]
    public async Task The_notifier_completes_the_next_outcome_and_raises_each_outcome_once_in_order()
    {
        var under = EngineUnderTest.Loaded("v0");
        var next = under.Notifier.NextAsync();
        Assert.False(next.IsCompleted);
        under.WriteVersion("v1");

        var outcome = under.Engine.Reload(ReloadReason.Manual)!;

        Assert.Same(outcome, await next.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.NotSame(next, under.Notifier.NextAsync());
        under.WriteVersion("v2");
        under.Engine.Reload(ReloadReason.Manual);
        Assert.Equal([2L, 3L], under.Outcomes.Select(o => o.Generation));
    }

    [Fact]
    [Requirement("AR-02")]
    public void An_outcome_published_while_a_subscriber_runs_is_raised_after_it_by_the_same_thread()
    {
        var under = EngineUnderTest.Loaded("v0");
        var raised = new List<long>();
        var nested = false;
        under.Notifier.Reloaded += (_, outcome) =>
        {
            raised.Add(outcome.Generation);
            if (!nested)
            {
                nested = true;
                under.WriteVersion("v2");
                under.Engine.Reload(ReloadReason.Manual);   // publishes generation 3 while generation 2 is being raised
                Assert.Equal([2L], raised);
            }
        };
        under.WriteVersion("v1");

        under.Engine.Reload(ReloadReason.Manual);

        Assert.Equal([2L, 3L], raised);
    }
}
