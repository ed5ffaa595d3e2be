using System.Text.Json.Nodes;
using NodaTime;

namespace Furiko.Sdk.Testing.Emulator;

/// <summary>
/// The request-processing core both transports share: routes a request, runs due time-driven work, applies
/// injected faults, carries out the verb under one lock, and records the request. Thread-safe: every read and
/// write of the store happens under <see cref="_sync"/>, so requests are serialized like etcd transactions.
/// </summary>
internal sealed partial class ApiServer
{
    private readonly Lock _sync = new();
    private readonly IClock _clock;
    private readonly KubernetesEmulatorOptions _options;
    private readonly ObjectStore _store;
    private readonly ListSnapshots _snapshots = new();
    private readonly ObjectNames _names;
    private readonly HashSet<string> _downNodes = new(StringComparer.Ordinal);
    private readonly List<EmulatorRequestRecord> _log = [];
    private readonly List<EmulatorFaultRule> _faults = [];
    private readonly KubeletAgenda _kubelets;

    public ApiServer(IClock clock, KubernetesEmulatorOptions options)
    {
        _clock = clock;
        _options = options;
        Registry = new ResourceRegistry(EmulatedResource.BuiltIn.Concat(options.AdditionalResources));
        _kubelets = new KubeletAgenda(KubeletWorkDueAt);
        _store = new ObjectStore(Registry.All, options.WatchHistoryLimit, Committed);
        _names = new ObjectNames(options.RandomSeed);
    }

    public ResourceRegistry Registry { get; }

    public KubernetesEmulatorOptions Options => _options;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var arrived = _clock.GetCurrentInstant();
        var route = ApiRoute.Parse(request.Path, Registry);
        var verb = route is null ? null : VerbOf(request, route);
        lock (_sync)
        {
            RunDueWork(_clock.GetCurrentInstant());
        }

        ApiResponse response;
        var fault = route is null ? null : TakeFault(verb, route);
        if (fault is { Kind: EmulatorFaultKind.DropConnection })
        {
            response = ApiResponse.Dropped();
        }
        else if (fault is { Kind: EmulatorFaultKind.Status })
        {
            response = ApiResponse.Error(ApiError.Injected(fault.StatusCode, fault.RetryAfterSeconds));
        }
        else
        {
            if (fault is { Kind: EmulatorFaultKind.Delay })
            {
                await Task.Delay(fault.DelayBy, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            response = Dispatch(request, route, verb);
        }

        Record(new EmulatorRequestRecord(
            arrived, request.Method, verb, request.Path, request.Query, route?.Resource.Plural, route?.Subresource, route?.Namespace, route?.Name,
            response.DropConnection ? 0 : response.StatusCode));
        return response;
    }

    private ApiResponse Dispatch(ApiRequest request, ApiRoute? route, KubernetesVerb? verb)
    {
        try
        {
            if (route is null)
            {
                return NonResource(request);
            }

            if (verb is not (KubernetesVerb.Get or KubernetesVerb.List or KubernetesVerb.Watch) && !string.IsNullOrEmpty(request.Parameter("dryRun")))
            {
                // Answering as if it were a real write would change state the caller meant to leave alone.
                throw ApiError.BadRequest("dryRun is not supported by the Furiko Kubernetes emulator");
            }

            lock (_sync)
            {
                var now = _clock.GetCurrentInstant();
                RunDueWork(now);
                return verb switch
                {
                    KubernetesVerb.Get => Get(route),
                    KubernetesVerb.List => List(route, request),
                    KubernetesVerb.Watch => Watch(route, request),
                    KubernetesVerb.Create => Create(route, request, now),
                    KubernetesVerb.Update => Update(route, request),
                    KubernetesVerb.Patch => Patch(route, request),
                    KubernetesVerb.Delete => Delete(route, request, now),
                    _ => throw ApiError.MethodNotAllowed(),
                };
            }
        }
        catch (ApiError error)
        {
            return ApiResponse.Error(error);
        }
    }

    private static KubernetesVerb? VerbOf(ApiRequest request, ApiRoute route) => request.Method switch
    {
        "GET" when request.IsWatch && route.Subresource is null => KubernetesVerb.Watch,
        "GET" when route.Name is not null => KubernetesVerb.Get,
        "GET" => KubernetesVerb.List,
        "POST" when route.Name is null => KubernetesVerb.Create,
        "PUT" when route.Name is not null => KubernetesVerb.Update,
        "PATCH" when route.Name is not null => KubernetesVerb.Patch,
        "DELETE" when route.Name is not null && route.Subresource is null => KubernetesVerb.Delete,
        _ => null,
    };

    private static ApiResponse NonResource(ApiRequest request)
    {
        if (request.Method != "GET")
        {
            throw ApiError.NoSuchPath();
        }

        return request.Path.TrimEnd('/') switch
        {
            "/version" => ApiResponse.Json(200, new JsonObject
            {
                ["major"] = "1",
                ["minor"] = "33",
                ["gitVersion"] = "v1.33.0-furiko-emulator",
                ["platform"] = "emulator",
            }),
            "/healthz" or "/livez" or "/readyz" => ApiResponse.Json(200, JsonValue.Create("ok")),
            _ => throw ApiError.NoSuchPath(),
        };
    }

    private EmulatorFault? TakeFault(KubernetesVerb? verb, ApiRoute route)
    {
        lock (_sync)
        {
            foreach (var rule in _faults)
            {
                if (rule.Match.Matches(verb, route.Resource.Plural, route.Subresource, route.Namespace, route.Name) && rule.TryTake())
                {
                    return rule.Fault;
                }
            }
        }

        return null;
    }

    public EmulatorFaultRule AddFault(RequestMatch match, EmulatorFault fault, int times)
    {
        var rule = new EmulatorFaultRule(match, fault, times);
        lock (_sync)
        {
            _faults.Add(rule);
        }

        return rule;
    }

    public void ClearFaults()
    {
        lock (_sync)
        {
            foreach (var rule in _faults)
            {
                rule.Cancel();
            }

            _faults.Clear();
        }
    }

    private void Record(EmulatorRequestRecord record)
    {
        lock (_sync)
        {
            _log.Add(record);
        }
    }

    public IReadOnlyList<EmulatorRequestRecord> RequestLog()
    {
        lock (_sync)
        {
            return [.. _log];
        }
    }

    public void ClearRequestLog()
    {
        lock (_sync)
        {
            _log.Clear();
        }
    }

    /// <summary>Runs every due time-driven transition; returns how many objects changed.</summary>
    public int ProcessDueWork()
    {
        lock (_sync)
        {
            return RunDueWork(_clock.GetCurrentInstant());
        }
    }

    public int OpenWatchCount
    {
        get
        {
            lock (_sync)
            {
                return _store.OpenWatchCount;
            }
        }
    }

    public int CloseWatches()
    {
        lock (_sync)
        {
            return _store.CloseWatches();
        }
    }
}
