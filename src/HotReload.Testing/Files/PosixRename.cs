using System.ComponentModel;
using System.Runtime.InteropServices;

namespace HotReload.Testing.Files;

/// <summary>
/// rename(2) itself. File.Move refuses a source that is a symlink to a directory, yet replacing the ConfigMap
/// <c>..data</c> link in one atomic step is exactly a rename of such a link.
/// </summary>
internal static partial class PosixRename
{
    public static void Replace(string source, string destination)
    {
        if (rename(source, destination) != 0)
        {
            throw new IOException($"rename('{source}', '{destination}') failed", new Win32Exception(Marshal.GetLastPInvokeError()));
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rename(string oldPath, string newPath);
}
