// Checks the values the project was generated with: the archetype's own patterns are only applied to
// answers typed interactively, not to -D values in batch mode. A project that would not install
// (a bad plugin or action id) is removed again, and generation fails naming every problem.

def value = { String key -> request.properties.getProperty(key) }
def problems = []

if (!(value('packaging') in ['osgi', 'pf4j'])) {
    problems << "packaging '${value('packaging')}' is neither osgi nor pf4j"
}
if (!(value('pluginId') ==~ /[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*/)) {
    problems << "pluginId '${value('pluginId')}' may hold letters, digits, '_' and '-' in dot-separated parts"
}
if (value('pluginId').startsWith('dev.switchboard.api') || value('pluginId').startsWith('org.pf4j')
        || value('pluginId').startsWith('org.apache.felix')) {
    problems << "pluginId '${value('pluginId')}' is reserved for the platform"
}
if (!(value('actionId') ==~ /[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+/)) {
    problems << "actionId '${value('actionId')}' must be lower case and dotted, like acme.notify"
}
if (!(request.getPackage() ==~ /\p{javaJavaIdentifierStart}\p{javaJavaIdentifierPart}*(\.\p{javaJavaIdentifierStart}\p{javaJavaIdentifierPart}*)*/)) {
    problems << "package '${request.getPackage()}' is not a Java package name"
}

if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException('No plugin project was generated: ' + problems.join('; '))
}
