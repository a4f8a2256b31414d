// Build flags only: rebuild when the embedded user-agent regexes change.
fn main() {
    println!("cargo:rerun-if-changed=data/uap-core/regexes.yaml");
}
