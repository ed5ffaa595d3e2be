using NodaTime;

namespace Furiko.Samples.Demo;

/// <summary>Prints the story as lines stamped with the demo time elapsed since it began.</summary>
internal sealed class Timeline(TextWriter output, IClock clock)
{
    private readonly Instant _start = clock.GetCurrentInstant();

    public void Say(string text)
    {
        var elapsed = clock.GetCurrentInstant() - _start;
        output.WriteLine($"[+{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}] {text}");
    }

    public void Detail(string text) => output.WriteLine($"           {text}");

    public void Blank() => output.WriteLine();
}
