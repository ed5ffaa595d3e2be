using System.Globalization;
using NodaTime;

namespace Furiko.Sdk.Text;

/// <summary>
/// Formats an instant the way Go prints a UTC <c>time.Time</c> by default (<c>2021-02-09 04:06:09 +0000 UTC</c>,
/// fraction digits only when present and without trailing zeros: <c>2021-02-09 04:06:09.5 +0000 UTC</c>).
/// Furiko uses this layout in status messages, CLI errors and validation messages (FURIKO-SEMANTICS 6.4).
/// Thread-safe.
/// </summary>
public static class GoTimeFormat
{
    /// <summary>Formats an instant in Go's default layout, in UTC.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>For example <c>2021-02-09 04:06:09 +0000 UTC</c>.</returns>
    public static string Format(Instant instant)
    {
        var utc = instant.InUtc();
        var text = utc.ToString("uuuu'-'MM'-'dd HH':'mm':'ss", CultureInfo.InvariantCulture);
        var nanos = utc.NanosecondOfSecond;
        if (nanos != 0)
        {
            text += "." + nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + " +0000 UTC";
    }
}
