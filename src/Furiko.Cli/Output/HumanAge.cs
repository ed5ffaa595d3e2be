using System.Globalization;
using NodaTime;

namespace Furiko.Cli.Output;

/// <summary>
/// The compact age kubectl shows in its AGE column (<c>k8s.io/apimachinery</c>'s <c>duration.HumanDuration</c>):
/// <c>45s</c>, <c>5m30s</c>, <c>90m</c>, <c>4h20m</c>, <c>20h</c>, <c>3d4h</c>, <c>40d</c>, <c>2y30d</c>.
/// Thread-safe.
/// </summary>
internal static class HumanAge
{
    /// <summary>Formats an age.</summary>
    /// <param name="age">How long ago; a small negative value (clock skew) shows as <c>0s</c>, a larger one as <c>&lt;invalid&gt;</c>.</param>
    /// <returns>The text.</returns>
    public static string Format(Duration age)
    {
        var seconds = (long)Math.Floor(age.TotalSeconds);
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Text($"{seconds}s");
        }

        var minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? Text($"{minutes}m") : Text($"{minutes}m{seconds % 60}s");
        }

        if (minutes < 180)
        {
            return Text($"{minutes}m");
        }

        var hours = seconds / 3600;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? Text($"{hours}h") : Text($"{hours}h{minutes % 60}m");
        }

        if (hours < 48)
        {
            return Text($"{hours}h");
        }

        if (hours < 24 * 8)
        {
            return hours % 24 == 0 ? Text($"{hours / 24}d") : Text($"{hours / 24}d{hours % 24}h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Text($"{hours / 24}d");
        }

        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? Text($"{hours / 24 / 365}y") : Text($"{hours / 24 / 365}y{days}d");
        }

        return Text($"{hours / 24 / 365}y");
    }

    private static string Text(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
