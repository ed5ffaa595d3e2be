namespace Furiko.Sdk.Benchmarks.Kubernetes;

/// <summary>One request as a client sent it. Immutable.</summary>
/// <param name="Method">The HTTP method, for example <c>DELETE</c>.</param>
/// <param name="Path">The URL path, for example <c>/api/v1/namespaces/batch/pods/bench-job-x00000-0</c>.</param>
/// <param name="Query">The query string without its <c>?</c>; empty when none.</param>
/// <param name="Body">The request body as sent (UTF-8 JSON); empty when none.</param>
public sealed record WireRequest(string Method, string Path, string Query, string Body)
{
    /// <summary>The body's length in UTF-8 bytes.</summary>
    public int BodyBytes => System.Text.Encoding.UTF8.GetByteCount(Body);

    /// <summary>
    /// What the request does, without the object it names: method and path with a Pod's name cut off, for example
    /// <c>DELETE /api/v1/namespaces/batch/pods/*</c> or <c>PUT /apis/execution.furiko.io/v1alpha1/namespaces/batch/jobs/bench-job/status</c>.
    /// </summary>
    public string Kind
    {
        get
        {
            const string pods = "/pods/";
            var at = Path.IndexOf(pods, StringComparison.Ordinal);
            return $"{Method} {(at < 0 ? Path : Path[..(at + pods.Length)] + "*")}";
        }
    }
}
