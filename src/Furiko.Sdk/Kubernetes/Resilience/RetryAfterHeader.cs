using System.Globalization;
using System.Net;
using k8s.Autorest;

namespace Furiko.Sdk.Kubernetes;

/// <summary>Reads the <c>Retry-After</c> header of a 429 or 503 answer (seconds, or an HTTP date). Pure; thread-safe.</summary>
internal static class RetryAfterHeader
{
    /// <summary>How long the server asked to wait, if it asked.</summary>
    /// <param name="error">The failure.</param>
    /// <param name="now">The current time, for a header that gives a date.</param>
    /// <returns>The wait (zero for a date in the past); <see langword="null"/> when there is no usable header.</returns>
    public static TimeSpan? Read(Exception? error, DateTimeOffset now)
    {
        if (error is not HttpOperationException { Response: { } response }
            || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
        {
            return null;
        }

        foreach (var (name, values) in response.Headers)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = values.FirstOrDefault()?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.FromDays(1).TotalSeconds));
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        return null;
    }
}
