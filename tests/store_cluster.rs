//! The store on a three-node MariaDB Galera cluster (`scripts/db cluster start`), each "PHP process" on one node.
//! `#[ignore]`d in the plain `cargo test`; the cluster suite of scripts/test runs them with `--ignored` and
//! `TEST_CLUSTER_PORTS=p1,p2,p3` (the nodes' SQL ports; the rest of the URL comes from `TEST_DATABASE_URL`). Without
//! those variables they fail: they never skip.
//!
//! Known: the per-IP burst lets 21–23 through a limit of 20 in about one run in ten (a lost update of the IP row
//! across two nodes; README "Several app servers / a Galera cluster"). `TRACE_CLAIMS=1` prints the state each
//! allowed claim left: two equal states are the lost update.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::{Arc, Barrier};

use login_security::lockout::{Decision, Policy};
use login_security::store::{AttemptKey, DbConfig, Store};

use common::attempts::{T0, account_policy, decision, ip_policy, key};

/// One configuration per node, all with a fresh prefix (migrated through node 1).
fn nodes(name: &str) -> Vec<DbConfig> {
    let ports = std::env::var("TEST_CLUSTER_PORTS").expect("TEST_CLUSTER_PORTS=p1,p2,p3 (scripts/test's cluster suite sets it)");
    let base = common::fresh_config(name).expect("TEST_DATABASE_URL (any node of the cluster)");
    let configs: Vec<DbConfig> = ports.split(',').map(|p| DbConfig { port: p.trim().parse().unwrap(), ..base.clone() }).collect();
    assert_eq!(configs.len(), 3, "three nodes");
    configs
}

/// `n` claims from 6 threads per node (each its own pool, like PHP workers), released together; returns how many
/// were allowed, per node.
fn burst(nodes: &[DbConfig], n: usize, keys: impl Fn(usize) -> Vec<(AttemptKey, Policy)> + Sync) -> Vec<usize> {
    let per_node = 6;
    let threads = per_node * nodes.len();
    let barrier = Arc::new(Barrier::new(threads));
    let counts: Vec<(usize, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let barrier = Arc::clone(&barrier);
                let keys = &keys;
                let node = t % nodes.len();
                let store = Store::new(&nodes[node]).unwrap();
                scope.spawn(move || {
                    barrier.wait();
                    let allowed = (t..n)
                        .step_by(threads)
                        .filter(|i| {
                            let d = store.claim_attempt(&keys(*i), "203.0.113.50", T0).expect("a claim never fails");
                            let ok = d.iter().all(|d| matches!(d.0, Decision::Allowed { .. }));
                            if ok && std::env::var("TRACE_CLAIMS").is_ok() {
                                // The state each allowed claim left: two equal states are a lost update.
                                eprintln!("TRACE node {node} thread {t} claim {i}: {:?}", d.iter().map(|x| (x.1.failures, x.1.lockouts)).collect::<Vec<_>>());
                            }
                            ok
                        })
                        .count();
                    (node, allowed)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut per = vec![0; nodes.len()];
    for (node, allowed) in counts {
        per[node] += allowed;
    }
    per
}

#[test]
#[ignore = "needs the Galera cluster: scripts/test runs it in the cluster suite"]
fn a_burst_at_one_account_over_three_nodes_lets_exactly_retries_through() {
    let nodes = nodes("cburst");
    let per_node = burst(&nodes, 200, |_| vec![(key("staff", "target@example.com"), account_policy())]);
    eprintln!("claims allowed per node: {per_node:?}");
    assert_eq!(per_node.iter().sum::<usize>(), 3, "per node {per_node:?}");
    for cfg in &nodes {
        let d = decision(&Store::new(cfg).unwrap(), &key("staff", "target@example.com"), &account_policy(), T0);
        assert_eq!(d, Decision::Locked { until: T0 + 180 }, "every node sees the lockout");
    }
}

#[test]
#[ignore = "needs the Galera cluster: scripts/test runs it in the cluster suite"]
fn a_burst_from_one_ip_over_three_nodes_is_cut_at_the_ip_limit() {
    let nodes = nodes("cip");
    let per_node = burst(&nodes, 200, |i| {
        vec![(key("staff", &format!("user{i}@example.com")), account_policy()), (key("ip", "203.0.113.50"), ip_policy())]
    });
    eprintln!("claims allowed per node: {per_node:?}");
    for cfg in &nodes {
        let s = Store::new(cfg).unwrap();
        eprintln!("ip state on port {}: {:?}", cfg.port, s.attempt_status(&[(key("ip", "203.0.113.50"), ip_policy())], T0).unwrap());
        let counted = (0..200).filter(|i| s.attempt_status(&[(key("staff", &format!("user{i}@example.com")), account_policy())], T0).unwrap()[0].1.failures > 0).count();
        eprintln!("accounts counted: {counted}");
    }
    assert_eq!(per_node.iter().sum::<usize>(), 20, "per node {per_node:?}");
}

#[test]
#[ignore = "needs the Galera cluster: scripts/test runs it in the cluster suite"]
fn migrations_started_at_once_on_three_nodes_all_succeed() {
    let nodes = nodes("cmig");
    Store::new(&nodes[0]).unwrap().drop_schema().unwrap();
    let barrier = Arc::new(Barrier::new(nodes.len()));
    let versions: Vec<u32> = std::thread::scope(|scope| {
        let handles: Vec<_> = nodes
            .iter()
            .map(|cfg| {
                let barrier = Arc::clone(&barrier);
                let store = Store::new(cfg).unwrap();
                scope.spawn(move || {
                    barrier.wait();
                    store.migrate().expect("a migration never fails")
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let expected = login_security::store::SCHEMA_VERSION;
    assert_eq!(versions, vec![expected; 3]);
    for cfg in &nodes {
        assert_eq!(Store::new(cfg).unwrap().schema_version().unwrap(), expected);
    }
}
