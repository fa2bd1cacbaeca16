// Runs after the generated project's `mvn verify`: the jar must be a bundle a node can deploy, with the
// agent's package private (nothing exported), the agent API imported, and the DS component that
// registers the AgentType.
import java.util.jar.JarFile

def jar = new File(basedir, 'project/wallet-agent/target/wallet-agent-1.0.0-SNAPSHOT.jar')
assert jar.isFile() : "no bundle at ${jar}"
def attributes = new JarFile(jar).withCloseable { it.manifest.mainAttributes }
assert attributes.getValue('Bundle-SymbolicName') == 'com.example.agents.wallet-agent'
assert attributes.getValue('Bundle-Version') == '1.0.0.SNAPSHOT'
assert attributes.getValue('Export-Package') == null : "exports ${attributes.getValue('Export-Package')}"
assert attributes.getValue('Private-Package') == 'com.example.agents.wallet'
assert attributes.getValue('Import-Package').startsWith('io.phoenix.agent.api;version="[1.')
assert attributes.getValue('Service-Component') == 'OSGI-INF/com.example.agents.wallet.WalletAgent.xml'
def embedded = new JarFile(jar).withCloseable { j -> j.entries().collect { it.name }.findAll { it.endsWith('.class') } }
assert embedded.sort() == ['Agent', 'Message', 'Reply', 'State'].collect { "com/example/agents/wallet/Wallet${it}.class" }
return true
