namespace HotReload.Testing.Load;

/// <summary>
/// What one response says about the config that served it, as read by a <see cref="ServedVersionReader"/>.
/// </summary>
/// <param name="Generation">The service's number for the config that served (a reload counter); null when the response carries none.</param>
/// <param name="HeaderVersion">The config's version as one part of the response states it (e.g. a response header).</param>
/// <param name="ContentVersion">
/// The config's version as another, independent part of the response states it (e.g. the body). Both copies
/// come from the same config snapshot in a correct service, so they differ only when one request saw two.
/// </param>
public sealed record ServedVersion(long? Generation, string? HeaderVersion, string? ContentVersion);

/// <summary>Reads which config served a response: the function a <see cref="LoadRecorder"/> applies to every response.</summary>
/// <param name="response">The response, its headers readable.</param>
/// <param name="body">The whole response body, already read.</param>
/// <returns>What the response says about the config that served it.</returns>
public delegate ServedVersion ServedVersionReader(HttpResponseMessage response, string body);
