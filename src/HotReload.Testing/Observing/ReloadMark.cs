namespace HotReload.Testing.Observing;

/// <summary>
/// A position in what an <see cref="IReloadObserver{TOutcome}"/> has seen, taken before a change with
/// <see cref="IReloadObserver{TOutcome}.Mark"/>. Waiting always starts from a mark, so a wait cannot match an
/// outcome that happened before the change it is meant to observe.
/// </summary>
/// <param name="Observer">The observer that issued the mark; another observer rejects it.</param>
/// <param name="Position">Where the observer stood: for a recorded stream, the number of outcomes seen so far.</param>
public sealed record ReloadMark(object Observer, long Position)
{
    /// <summary>Throws unless <paramref name="observer"/> issued this mark.</summary>
    /// <param name="observer">The observer about to wait from this mark.</param>
    /// <exception cref="ArgumentException">The mark came from another observer.</exception>
    public void EnsureIssuedBy(object observer)
    {
        if (!ReferenceEquals(Observer, observer))
        {
            throw new ArgumentException("This mark was taken from another observer; take the mark from the observer you wait on.", nameof(observer));
        }
    }
}
