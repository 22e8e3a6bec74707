// The smallest YARP host that reloads its routes from a JSON file the way YARP documents it:
// AddJsonFile(reloadOnChange: true) feeding LoadFromConfig. The conformance runner measures it as a peer.
// usage: HotReload.Conformance.YarpHost --config <yarp.json> --urls http://127.0.0.1:<port>
var builder = WebApplication.CreateBuilder(args);
var configPath = builder.Configuration["config"]
    ?? throw new ArgumentException("--config <path> is required: a JSON file with a ReverseProxy section (see conformance/profiles/yarp.json.tmpl).");
builder.Configuration.AddJsonFile(Path.GetFullPath(configPath), optional: false, reloadOnChange: true);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
var app = builder.Build();
app.MapReverseProxy();
app.Run();
