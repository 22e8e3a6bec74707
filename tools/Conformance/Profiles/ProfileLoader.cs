using System.Text.Json;
using System.Text.Json.Serialization;

namespace HotReload.Conformance.Profiles;

/// <summary>Reads a <see cref="TargetProfile"/> from JSON; errors name the file, line and what to fix.</summary>
public static class ProfileLoader
{
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static TargetProfile Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ProfileException($"{full}: no such profile file. Pass --target with a path to a profile JSON (see conformance/profiles/).");
        }

        TargetProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<TargetProfile>(File.ReadAllText(full), Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $":{line + 1}:{(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new ProfileException($"{full}{where}: {e.Message} Fix the profile (fields are described in docs/conformance.md).", e);
        }

        if (profile is null)
        {
            throw new ProfileException($"{full}: the profile is empty (null).");
        }

        if (profile.Config.Template is null && profile.Config.TemplateFile is null)
        {
            throw new ProfileException($"{full}: config needs either \"template\" or \"templateFile\".");
        }

        return profile with { ProfileDirectory = Path.GetDirectoryName(full)! };
    }

    /// <summary>The template text, from the profile or its template file.</summary>
    public static string ReadTemplate(TargetProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Config.Template is { } inline)
        {
            return inline;
        }

        var file = Path.Combine(profile.ProfileDirectory, profile.Config.TemplateFile!);
        return File.Exists(file)
            ? File.ReadAllText(file)
            : throw new ProfileException($"{file}: the profile '{profile.Name}' names this template file, but it does not exist.");
    }
}

public sealed class ProfileException : Exception
{
    public ProfileException()
    {
    }

    public ProfileException(string message)
        : base(message)
    {
    }

    public ProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
