using Furiko.Sdk.Kubernetes;
using Furiko.Sdk.Models;
using k8s;
using k8s.Models;

namespace Furiko.Sdk.Tests.Kubernetes;

/// <summary>What a watch yields after a re-list, computed from what it had yielded.</summary>
public class WatchedObjectsTests
{
    private static Job Job(string name, string version, string? uid = null, string ns = "default") =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, ResourceVersion = version, Uid = uid ?? "uid-" + name } };

    private static IEnumerable<(WatchEventType, string, string)> Describe(IEnumerable<WatchEvent<Job>> events) =>
        events.Select(e => (e.Type, e.Object.Metadata.Name, e.Object.Metadata.ResourceVersion));

    [Fact]
    public void A_first_list_yields_every_object_as_added_in_list_order()
    {
        var known = new WatchedObjects<Job>();

        var events = known.Relist([Job("b", "1"), Job("a", "2")]);

        Assert.Equal([(WatchEventType.Added, "b", "1"), (WatchEventType.Added, "a", "2")], Describe(events));
        Assert.Equal(2, known.Count);
    }

    [Fact]
    public void A_relist_yields_modified_replaced_added_then_deleted_in_name_order()
    {
        var known = new WatchedObjects<Job>();
        known.Relist([Job("same", "1"), Job("changed", "1"), Job("replaced", "1"), Job("z-gone", "1"), Job("a-gone", "1")]);

        var events = known.Relist([Job("same", "1"), Job("changed", "2"), Job("replaced", "3", uid: "new-uid"), Job("new", "4")]);

        Assert.Equal(
            [
                (WatchEventType.Modified, "changed", "2"),
                (WatchEventType.Deleted, "replaced", "1"),
                (WatchEventType.Added, "replaced", "3"),
                (WatchEventType.Added, "new", "4"),
                (WatchEventType.Deleted, "a-gone", "1"),
                (WatchEventType.Deleted, "z-gone", "1"),
            ],
            Describe(events));
        Assert.Equal(4, known.Count);
    }

    [Fact]
    public void Objects_are_told_apart_by_namespace_and_name()
    {
        var known = new WatchedObjects<Job>();
        known.Relist([Job("a", "1", ns: "x")]);

        var events = known.Relist([Job("a", "1", ns: "y")]);

        Assert.Equal([(WatchEventType.Added, "a", "1"), (WatchEventType.Deleted, "a", "1")], Describe(events));
        Assert.Equal("x", events[1].Object.Metadata.NamespaceProperty);
    }

    [Fact]
    public void A_deleted_object_that_comes_back_is_added_again()
    {
        var known = new WatchedObjects<Job>();
        known.Apply(WatchEventType.Added, Job("a", "1"));
        known.Apply(WatchEventType.Deleted, Job("a", "2"));

        var events = known.Relist([Job("a", "3", uid: "uid-a2")]);

        Assert.Equal([(WatchEventType.Added, "a", "3")], Describe(events));
    }

    [Fact]
    public void An_event_for_a_version_already_yielded_is_dropped_but_deletions_always_pass()
    {
        var known = new WatchedObjects<Job>();

        Assert.NotNull(known.Apply(WatchEventType.Added, Job("a", "1")));
        Assert.Null(known.Apply(WatchEventType.Modified, Job("a", "1")));
        Assert.NotNull(known.Apply(WatchEventType.Modified, Job("a", "2")));
        Assert.NotNull(known.Apply(WatchEventType.Deleted, Job("a", "3")));
        Assert.NotNull(known.Apply(WatchEventType.Deleted, Job("a", "3")));
        Assert.Equal(0, known.Count);
    }
}
