// Runs after `archetype:generate`. The descriptor's validationRegex is only applied when Maven asks
// interactively, so check the names here too: a type name such as "shopping-cart" would give a class name
// that does not compile. The half-made project is removed so that a fixed command can be run again.
def props = request.properties
def agentType = props.get('agentType')
def agentClass = props.get('agentClass')
def problems = []
if (!(agentType ==~ /[a-z][a-z0-9]*/)) {
    problems << "agentType '${agentType}' must be lower-case letters and digits, starting with a letter"
}
if (!(agentClass ==~ /[A-Z][A-Za-z0-9]*/)) {
    problems << "agentClass '${agentClass}' must be a Java class name prefix such as Wallet"
}
if (problems) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException(problems.join('; '))
}
