namespace HotReload.Property.Tests.Generators;

/// <summary>Each kind of mistake the validator or binder must catch in JSON that is otherwise well formed.</summary>
internal enum SemanticError
{
    UnknownCluster,
    DuplicateRouteId,
    MissingRouteId,
    BadPathTemplate,
    BadAddress,
    NoDestinations,
    BadStatus,

    /// <summary>A body on a status that carries no content (1xx, 204, 205, 304).</summary>
    BodyWithoutContent,
    BadMethod,
    BadHost,
    BadTimeout,
    BothClusterAndRespond,
    NeitherClusterNorRespond,
    BadPathPrefix,
    BadHeaderName,

    /// <summary>A control or non-ASCII character in a header value, which Kestrel and HttpClient refuse.</summary>
    BadHeaderValue,
    UnknownProperty,
    WrongType,
    UnknownLoadBalancing,
}
