import AuswegBundle

let invocation: Invocation
do {
    invocation = try Invocation(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    Console.fatal("\(error)\n\(Invocation.usage)")
}

switch invocation.command {
case .help:
    Console.say(Invocation.usage)
case .checkConfig, .serve:
    let configuration: Configuration
    do {
        configuration = try Configuration.load(
            file: invocation.configFile, overrides: invocation.overrides)
    } catch {
        Console.fatal(error.description)
    }
    let startup = Startup(configuration: configuration)
    if invocation.command == .checkConfig { startup.check() }
    startup.serve()
}
