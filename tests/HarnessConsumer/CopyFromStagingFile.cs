using HotReload.Testing.Files;

namespace HotReload.HarnessConsumer.Tests;

/// <summary>
/// A user-defined edit: what a deploy script does with <c>cp staging/greeting.json greeting.json</c>. The harness
/// has no such edit; deriving from <see cref="FileEdit"/> is all it takes.
/// </summary>
internal sealed record CopyFromStagingFile(string Content) : FileEdit
{
    public override string? ResultingContent(string? before) => Content;

    public override async Task ApplyAsync(ConfigFileEditor editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var staging = Path.Combine(editor.Directory, "..", "staging-" + editor.FileName);
        await File.WriteAllTextAsync(staging, Content, cancellationToken);
        File.Copy(staging, editor.Path, overwrite: true);
    }
}
