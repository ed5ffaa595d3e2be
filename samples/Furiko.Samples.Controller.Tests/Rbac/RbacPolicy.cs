using Furiko.Samples.Controller.Tests.Integration;
using k8s;
using k8s.Models;

namespace Furiko.Samples.Controller.Tests.Rbac;

/// <summary>One rule granted to the ServiceAccount, with where it applies: everywhere (a ClusterRoleBinding) or in one namespace (a RoleBinding).</summary>
internal sealed record GrantedRule(string Role, string? Namespace, IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs, IReadOnlyList<string> ResourceNames)
{
    public bool Allows(ApiAttributes request) =>
        (Namespace is null || Namespace == request.Namespace)
        && Covers(ApiGroups, request.Group)
        && Covers(Resources, request.RuleResource)
        && Covers(Verbs, request.Verb)
        && (ResourceNames.Count == 0 || (request.Name is not null && ResourceNames.Contains(request.Name)));

    public override string ToString() =>
        $"{Role}{(Namespace is null ? "" : " in namespace " + Namespace)}: [{string.Join(",", Verbs)}] on [{string.Join(",", ApiGroups.Select(g => g.Length == 0 ? "core" : g))}]/[{string.Join(",", Resources)}]"
        + (ResourceNames.Count == 0 ? "" : $" named [{string.Join(",", ResourceNames)}]");

    private static bool Covers(IReadOnlyList<string> values, string value) => values.Contains("*") || values.Contains(value);
}

/// <summary>
/// What RBAC grants one ServiceAccount, read from manifests (Roles, ClusterRoles and their bindings), with the API
/// server's rules: a ClusterRoleBinding grants its ClusterRole everywhere; a RoleBinding grants its Role (or a
/// ClusterRole) only in the binding's namespace; <c>resourceNames</c> only match requests that name an object.
/// Immutable.
/// </summary>
internal sealed class RbacPolicy
{
    private RbacPolicy(IReadOnlyList<GrantedRule> rules) => Rules = rules;

    public IReadOnlyList<GrantedRule> Rules { get; }

    /// <summary>Reads the rules that the manifests grant to ServiceAccount <paramref name="serviceAccountNamespace"/>/<paramref name="serviceAccount"/>.</summary>
    public static RbacPolicy ForServiceAccount(string manifests, string serviceAccountNamespace, string serviceAccount)
    {
        var objects = KubernetesYaml.LoadAllFromString(manifests);
        var clusterRoles = objects.OfType<V1ClusterRole>().ToDictionary(r => r.Metadata.Name);
        var roles = objects.OfType<V1Role>().ToDictionary(r => (r.Metadata.NamespaceProperty ?? "default", r.Metadata.Name));
        bool Binds(IEnumerable<Rbacv1Subject>? subjects, string? bindingNamespace) => (subjects ?? []).Any(s =>
            s.Kind == "ServiceAccount" && s.Name == serviceAccount && (s.NamespaceProperty ?? bindingNamespace) == serviceAccountNamespace);

        var rules = new List<GrantedRule>();
        foreach (var binding in objects.OfType<V1ClusterRoleBinding>().Where(b => Binds(b.Subjects, null)))
        {
            if (binding.RoleRef.Kind == "ClusterRole" && clusterRoles.TryGetValue(binding.RoleRef.Name, out var role))
            {
                rules.AddRange(Grant("ClusterRole " + role.Metadata.Name, null, role.Rules));
            }
        }

        foreach (var binding in objects.OfType<V1RoleBinding>())
        {
            var ns = binding.Metadata.NamespaceProperty ?? "default";
            if (!Binds(binding.Subjects, ns))
            {
                continue;
            }

            if (binding.RoleRef.Kind == "Role" && roles.TryGetValue((ns, binding.RoleRef.Name), out var role))
            {
                rules.AddRange(Grant("Role " + role.Metadata.Name, ns, role.Rules));
            }
            else if (binding.RoleRef.Kind == "ClusterRole" && clusterRoles.TryGetValue(binding.RoleRef.Name, out var clusterRole))
            {
                rules.AddRange(Grant("ClusterRole " + clusterRole.Metadata.Name, ns, clusterRole.Rules));
            }
        }

        return new RbacPolicy(rules);
    }

    /// <summary>
    /// Checks the policy against the requests a client made: every request must be allowed by some rule, and every
    /// verb on every resource a rule grants must have been used by some request (least privilege). Wildcards are
    /// refused outright.
    /// </summary>
    /// <returns>One line per problem; empty when the policy fits the requests exactly.</returns>
    public IReadOnlyList<string> Check(IEnumerable<ApiAttributes> requests)
    {
        var made = requests.Distinct().ToList();
        var problems = new List<string>();
        foreach (var request in made.Where(r => !Rules.Any(rule => rule.Allows(r))).Select(r => r.ToString()).Distinct().Order(StringComparer.Ordinal))
        {
            problems.Add($"not allowed: {request}");
        }

        foreach (var rule in Rules)
        {
            if (rule.ApiGroups.Contains("*") || rule.Resources.Contains("*") || rule.Verbs.Contains("*"))
            {
                problems.Add($"wildcard in {rule}");
                continue;
            }

            foreach (var group in rule.ApiGroups)
            {
                foreach (var resource in rule.Resources)
                {
                    foreach (var verb in rule.Verbs)
                    {
                        var narrowed = rule with { ApiGroups = [group], Resources = [resource], Verbs = [verb] };
                        if (!made.Any(narrowed.Allows))
                        {
                            problems.Add($"unused: {verb} {(group.Length == 0 ? "core" : group)}/{resource} granted by {rule}");
                        }
                    }
                }
            }
        }

        return problems;
    }

    private static IEnumerable<GrantedRule> Grant(string role, string? ns, IEnumerable<V1PolicyRule>? rules) =>
        (rules ?? []).Select(r => new GrantedRule(role, ns, [.. r.ApiGroups ?? []], [.. r.Resources ?? []], [.. r.Verbs ?? []], [.. r.ResourceNames ?? []]));
}
