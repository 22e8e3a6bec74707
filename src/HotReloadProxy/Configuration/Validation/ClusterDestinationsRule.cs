using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;

namespace HotReloadProxy.Configuration.Validation;

internal sealed class ClusterDestinationsRule : IClusterRule
{
    public void Check(string name, ClusterConfig cluster, ValidationReport report)
    {
        if (cluster.Destinations.Count == 0)
        {
            report.Error(JsonPath.Cluster(name).Property("destinations"),
                $"Cluster '{name}' has no destinations; add at least one, such as \"d1\": {{\"address\": \"http://127.0.0.1:5001\"}}.");
        }

        foreach (var (destination, destinationConfig) in cluster.Destinations)
        {
            if (string.IsNullOrEmpty(destinationConfig.Address))
            {
                report.Error(AddressPath(name, destination), $"Destination '{destination}' of cluster '{name}' has no address; add \"address\": \"http://host:port\".");
            }
            else if (!IsAbsoluteHttpUrl(destinationConfig.Address))
            {
                report.Error(AddressPath(name, destination), $"Address '{destinationConfig.Address}' of destination '{destination}' is not an absolute http or https URL; write it like \"http://127.0.0.1:5001\".");
            }
        }
    }

    private static JsonPath AddressPath(string cluster, string destination) =>
        JsonPath.Cluster(cluster).Property("destinations").Property(destination).Property("address");

    private static bool IsAbsoluteHttpUrl(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) &&
        string.IsNullOrEmpty(uri.UserInfo);
}
