<?php
// Cluster tests: the module tests' bootstrap, plus the cluster's node ports (LS_CLUSTER_PORT, scripts/env.sh).
declare(strict_types=1);

require dirname(__DIR__) . '/module/bootstrap.php';
require __DIR__ . '/ClusterNodes.php';

if (!getenv('LS_CLUSTER_PORT') || (int) getenv('LS_DB_PORT') !== (int) getenv('LS_CLUSTER_PORT')) {
    fwrite(STDERR, "the cluster tests need LS_CLUSTER_PORT and LS_DB_PORT = LS_CLUSTER_PORT (node 1); scripts/test sets them\n");
    exit(1);
}
