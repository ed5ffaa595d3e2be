namespace Furiko.Sdk.Termination.Triggers;

/// <summary>What an automatic termination trigger says.</summary>
public enum TriggerVerdict
{
    /// <summary>Nothing to do, and nothing known that will change that by itself.</summary>
    NotDue,

    /// <summary>Nothing to do yet; the trigger will fire at a known later time, when the planner should look again.</summary>
    Scheduled,

    /// <summary>The trigger fires now.</summary>
    Due,
}
