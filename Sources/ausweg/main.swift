import AuswegBundle
import Glibc

let invocation: Invocation
do {
    invocation = try Invocation(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    Console.fatal("\(error)\n\(Invocation.usage)")
}

func loadConfiguration() -> Configuration {
    do {
        return try Configuration.load(
            file: invocation.configFile, overrides: invocation.overrides)
    } catch {
        Console.fatal(error.description)
    }
}

switch invocation.command {
case .help:
    Console.say(Invocation.usage)
case .card:
    guard let output = invocation.cardOutput else { Console.fatal(Invocation.usage) }
    let command = CardCommand(
        configuration: loadConfiguration(), configFile: invocation.configFile, output: output)
    do {
        Console.say("wrote \(try command.run().joined(separator: ", "))")
    } catch {
        Console.fatal(error.description, status: error.exitStatus)
    }
case .audio:
    AudioMaker(configuration: loadConfiguration()).run()
case .audit:
    let audit = Audit(root: invocation.auditRoot, configFile: invocation.configFile)
    Console.say(invocation.json ? audit.json : audit.text)
    exit(audit.failed ? 1 : 0)
case .checkConfig, .serve:
    let startup = Startup(configuration: loadConfiguration())
    if invocation.command == .checkConfig { startup.check() }
    startup.serve()
}
