namespace Bootstrap.Tools.Verify;

/// <summary>The shared Gateway is Accepted and Programmed (Gateway API GatewayConditionType) and its LoadBalancer Service,
/// cilium-gateway-&lt;gateway&gt; (cilium/cilium operator/pkg/model/translation/gateway-api/translator.go), holds the pinned
/// address the DNS records point at.</summary>
public static class GatewayProbe
{
    public const string Name = "gateway";

    public static ProbeResult Run(ClusterExpectation expected, ClusterState state)
    {
        var gateway = expected.Gateway!;
        var where = $"Gateway {gateway.Namespace}/{gateway.Name}";
        var missing = new List<string>();
        if (state.Gateway is not { } seen)
        {
            missing.Add($"{where} not found (Argo CD has not synced the gateway Application, or the Gateway API CRDs are missing)");
        }
        else if (!seen.Conditions.TryGetValue("Programmed", out var programmed) || programmed != "True")
        {
            missing.Add($"{where} is not Programmed yet (status "
                + $"Programmed: {(seen.Conditions.TryGetValue("Programmed", out var p) ? p : "not reported")})");
        }

        var service = state.Services.FirstOrDefault(s => s.Namespace == gateway.Namespace && s.Name == Blueprint.Network.GatewayAddress.ServiceName);
        if (service is null)
        {
            missing.Add($"Service {gateway.Namespace}/{Blueprint.Network.GatewayAddress.ServiceName} not found: "
                + "Cilium has not created the Gateway's LoadBalancer");
        }
        else if (!service.IngressIps.SequenceEqual([gateway.Address]))
        {
            missing.Add(service.IngressIps.Count == 0
                ? $"Service {gateway.Namespace}/{service.Name} has no address yet; it must get {gateway.Address} from the Gateway's own pool"
                : $"Service {gateway.Namespace}/{service.Name} has {string.Join(", ", service.IngressIps)}, "
                    + $"not the pinned {gateway.Address} the DNS records point at");
        }

        return new ProbeResult(Name, $"{where} programmed at {gateway.Address} for {gateway.Hosts.Count} host(s)", missing, []);
    }
}
