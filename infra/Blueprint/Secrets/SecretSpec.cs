namespace Bootstrap.Blueprint.Secrets;

/// <summary>
/// A Kubernetes Secret Pulumi writes from the stack's Pulumi secrets. The Blueprint decides its name, namespace, type and
/// labels; its data is computed from the decrypted secret inside Pulumi (an Apply) by the functions beside this type.
/// </summary>
public sealed record SecretSpec(string Name, string Namespace, string Type, IReadOnlyDictionary<string, string> Labels);
