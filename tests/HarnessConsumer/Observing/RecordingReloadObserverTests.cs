using HotReload.Testing.Observing;

namespace HotReload.HarnessConsumer.Tests.Observing;

/// <summary>
/// A recorder in a long run (a soak, thousands of reloads) forgets what it no longer needs, and the marks taken
/// before stay meaningful: they count every outcome ever recorded, not the ones still kept.
/// </summary>
[TestFixture]
[Requirement("HN-08")]
public sealed class RecordingReloadObserverTests
{
    [Test]
    public void Forgetting_drops_the_outcomes_before_the_mark_and_keeps_the_ones_after()
    {
        var recorder = new RecordingReloadObserver<string>();
        recorder.Record("v1");
        recorder.Record("v2");
        var afterTwo = recorder.Mark();
        recorder.Record("v3");

        recorder.Forget(afterTwo);

        Assert.That(recorder.Outcomes, Is.EqualTo(new[] { "v3" }));
        Assert.That(recorder.Since(afterTwo), Is.EqualTo(new[] { "v3" }));
    }

    [Test]
    public void A_mark_taken_after_forgetting_counts_every_outcome_ever_recorded()
    {
        var recorder = new RecordingReloadObserver<string>();
        recorder.Record("v1");
        recorder.Record("v2");
        recorder.Forget(recorder.Mark());
        recorder.Record("v3");
        var afterThree = recorder.Mark();
        recorder.Record("v4");

        Assert.That(recorder.Since(afterThree), Is.EqualTo(new[] { "v4" }));
    }

    [Test]
    public async Task A_wait_from_a_mark_before_the_forgotten_outcomes_starts_at_the_oldest_kept_one()
    {
        var recorder = new RecordingReloadObserver<string>();
        var start = recorder.Mark();
        recorder.Record("v1");
        recorder.Record("v2");
        recorder.Forget(recorder.Mark());

        Assert.That(recorder.Since(start), Is.Empty);
        var waiting = recorder.WaitAsync(start, _ => true, "any outcome after the forgotten ones");
        recorder.Record("v3");

        Assert.That(await waiting, Is.EqualTo("v3"));
    }

    [Test]
    public async Task A_wait_under_way_when_outcomes_are_forgotten_still_sees_the_next_one()
    {
        var recorder = new RecordingReloadObserver<string>();
        recorder.Record("v1");
        var afterOne = recorder.Mark();
        var waiting = recorder.WaitAsync(afterOne, outcome => outcome == "v4", "v4");
        recorder.Record("v2");
        recorder.Record("v3");
        recorder.Forget(recorder.Mark());
        recorder.Record("v4");

        Assert.That(await waiting, Is.EqualTo("v4"));
    }

    [Test]
    public void Forgetting_up_to_a_mark_already_forgotten_changes_nothing()
    {
        var recorder = new RecordingReloadObserver<string>();
        var start = recorder.Mark();
        recorder.Record("v1");
        recorder.Forget(recorder.Mark());
        recorder.Record("v2");

        recorder.Forget(start);

        Assert.That(recorder.Outcomes, Is.EqualTo(new[] { "v2" }));
    }
}
