package io.phoenix.grid.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The typed configuration of PID {@code io.phoenix.grid}; the shipped {@code etc/io.phoenix.grid.cfg} documents
 * every key. Environment variables {@code PHOENIX_<KEY>} (dots as underscores, upper case) override the file.
 * Any change restarts the grid node.
 */
@ObjectClassDefinition(id = GridConfig.PID, name = "Phoenix grid",
        description = "The embedded Ignite server node: cluster, discovery, ports, replication, memory")
public @interface GridConfig {

    /** The configuration PID. */
    String PID = "io.phoenix.grid";

    /** @return the cluster name */
    @AttributeDefinition(description = "Name of the cluster; nodes with another name are refused at join")
    String cluster_name() default "phoenix";

    /** @return the node id; empty for the Karaf instance name */
    @AttributeDefinition(description = "Id of this node (Ignite consistent id); empty: the Karaf instance name")
    String node_id() default "";

    /** @return the address the grid's sockets bind to */
    @AttributeDefinition(description = "Address the discovery and communication sockets bind to")
    String local_address() default "127.0.0.1";

    /** @return the static discovery address list, comma separated */
    @AttributeDefinition(description = "Where to look for the other nodes: host:port or host:port1..port2, comma separated")
    String discovery_addresses() default "127.0.0.1:47500..47509";

    /** @return the first discovery port tried */
    @AttributeDefinition(description = "Discovery port of this node (the first one tried)")
    int discovery_port() default 47500;

    /** @return how many further discovery ports are tried */
    @AttributeDefinition(description = "How many ports after discovery.port are tried when it is taken")
    int discovery_port_range() default 9;

    /** @return the first communication port tried */
    @AttributeDefinition(description = "Communication port of this node (the first one tried)")
    int communication_port() default 47100;

    /** @return how many further communication ports are tried */
    @AttributeDefinition(description = "How many ports after communication.port are tried when it is taken")
    int communication_port_range() default 9;

    /** @return the failure detection timeout in milliseconds */
    @AttributeDefinition(description = "How long a silent node stays in the topology, in milliseconds")
    long failure_detection_timeout_ms() default 3000;

    /** @return the number of backups */
    @AttributeDefinition(description = "Backup copies of each partition")
    int backups() default 1;

    /** @return sync or async */
    @AttributeDefinition(description = "sync: a write returns once all backups have it; async: once the primary has it")
    String replication() default "sync";

    /** @return the partition count */
    @AttributeDefinition(description = "Partitions of partitioned caches")
    int partitions() default 1024;

    /** @return the off-heap data region size in megabytes */
    @AttributeDefinition(description = "Maximum off-heap memory for cache data, in megabytes")
    long data_region_size_mb() default 128;

    /** @return the fewest servers this node must see to serve agents; 0: no quorum */
    @AttributeDefinition(description = "Fewest servers (this one included) this node must see to serve agents, e.g. 2"
            + " of 3; fewer: it stops serving until enough are back. 0: no quorum (serve whatever the topology)")
    int quorum_size() default 0;

    /** @return whether a segmented node restarts its grid node to rejoin */
    @AttributeDefinition(description = "Restart the grid node to rejoin the cluster after it was segmented from it")
    boolean rejoin_after_segmentation() default true;

    /** @return this node's attributes, {@code key=value} pairs separated by commas */
    @AttributeDefinition(description = "Attributes of this node for placement policies, e.g. zone=eu-1,role=gpu")
    String node_attributes() default "";

    /** @return the work directory; empty for ${karaf.data}/ignite */
    @AttributeDefinition(description = "Ignite work directory; empty: ${karaf.data}/ignite")
    String work_directory() default "";

    /** @return whether discovery and communication use TLS with mutual authentication */
    @AttributeDefinition(description = "Discovery and communication over TLS with mutual authentication: only nodes"
            + " holding a key signed by the cluster's CA (tls.truststore) can join")
    boolean tls_enabled() default false;

    /** @return the key store path; relative paths are resolved against the Karaf base directory */
    @AttributeDefinition(description = "Key store with this node's private key and certificate, e.g. etc/tls/node.p12;"
            + " relative to the Karaf base directory")
    String tls_keystore() default "";

    /** @return the key store password */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the key store (and of its key)")
    String tls_keystore_password() default "";

    /** @return the key store type */
    @AttributeDefinition(description = "Key store type: PKCS12 or JKS")
    String tls_keystore_type() default "PKCS12";

    /** @return the trust store path; relative paths are resolved against the Karaf base directory */
    @AttributeDefinition(description = "Trust store with the cluster's CA certificate, e.g. etc/tls/truststore.p12;"
            + " relative to the Karaf base directory")
    String tls_truststore() default "";

    /** @return the trust store password */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password of the trust store")
    String tls_truststore_password() default "";

    /** @return the trust store type */
    @AttributeDefinition(description = "Trust store type: PKCS12 or JKS")
    String tls_truststore_type() default "PKCS12";

    /** @return the SSLContext protocol */
    @AttributeDefinition(description = "TLS protocol (SSLContext algorithm), e.g. TLSv1.3 or TLSv1.2")
    String tls_protocol() default "TLSv1.3";
}
