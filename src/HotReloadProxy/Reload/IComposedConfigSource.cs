using HotReloadProxy.Configuration.Validation;

namespace HotReloadProxy.Reload;

/// <summary>
/// A source whose config is put together from several parts (the files of a config directory): it reads,
/// parses and validates its parts itself and hands the engine one checked config, so every source still
/// goes through the engine's one validate-then-swap path.
/// </summary>
internal interface IComposedConfigSource
{
    ConfigCheck Check(ConfigValidator validator, long maxBytes);
}
