//! Conversions between PHP arrays and `serde_json::Value`, so core types deserialize from PHP arrays and
//! serialize back into them. Strings are read as bytes (invalid UTF-8 replaced), nulls in maps are dropped.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::exception::PhpResult;
use ext_php_rs::types::{ArrayKey, ZendHashTable, Zval};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::Error;

fn key_text(k: &ArrayKey<'_>) -> String {
    match k {
        ArrayKey::Long(n) => n.to_string(),
        ArrayKey::String(s) => s.clone(),
        ArrayKey::Str(s) => (*s).to_string(),
        ArrayKey::ZendString(z) => String::from_utf8_lossy(z.as_bytes()).into_owned(),
    }
}

/// The bytes of a PHP string as they are (no UTF-8 check: an identifier typed at a login may be anything); other
/// scalars as their text, anything else empty.
pub fn zval_bytes(z: &Zval) -> Vec<u8> {
    match z.zend_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => match zval_to_json(z) {
            Value::Number(n) => n.to_string().into_bytes(),
            _ => Vec::new(),
        },
    }
}

/// A PHP value as JSON (objects and resources become null).
pub fn zval_to_json(z: &Zval) -> Value {
    if let Some(b) = z.bool() {
        Value::Bool(b)
    } else if let Some(n) = z.long() {
        Value::from(n)
    } else if let Some(f) = z.double() {
        serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
    } else if let Some(s) = z.zend_str() {
        Value::String(String::from_utf8_lossy(s.as_bytes()).into_owned())
    } else if let Some(a) = z.array() {
        table_to_json(a)
    } else {
        Value::Null
    }
}

/// A PHP array as a JSON object (a list stays an object with "0", "1" … keys; the core only reads maps).
pub fn table_to_json(t: &ZendHashTable) -> Value {
    let mut map = Map::new();
    for (k, v) in t {
        let value = zval_to_json(v);
        if !value.is_null() {
            map.insert(key_text(&k), value);
        }
    }
    Value::Object(map)
}

/// A PHP array of scalars as (key, text) pairs (numbers and booleans as their text; arrays and nulls skipped).
pub fn string_pairs(t: &ZendHashTable) -> Vec<(String, String)> {
    match table_to_json(t) {
        Value::Object(m) => m
            .into_iter()
            .filter_map(|(k, v)| match v {
                Value::String(s) => Some((k, s)),
                Value::Bool(b) => Some((k, if b { "1".into() } else { "0".into() })),
                Value::Number(n) => Some((k, n.to_string())),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Deserializes a PHP array into a core type; a bad shape is an `InvalidArgumentException` naming `what`.
pub fn from_table<T: DeserializeOwned>(t: &ZendHashTable, what: &'static str) -> PhpResult<T> {
    serde_json::from_value(table_to_json(t)).map_err(|e| Error::invalid(what, e.to_string()).into())
}

/// A JSON value as a PHP value.
fn json_to_zval(v: Value) -> PhpResult<Zval> {
    let mut z = Zval::new();
    match v {
        Value::Null => z.set_null(),
        Value::Bool(b) => z.set_bool(b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => z.set_long(i),
            None => z.set_double(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(s) => z.set_string(&s, false)?,
        Value::Array(items) => {
            let mut t = ZendHashTable::with_capacity(u32::try_from(items.len()).unwrap_or(0));
            for item in items {
                t.push(json_to_zval(item)?)?;
            }
            z.set_hashtable(t);
        }
        Value::Object(map) => z.set_hashtable(map_to_table(map)?),
    }
    Ok(z)
}

fn map_to_table(map: Map<String, Value>) -> PhpResult<ZBox<ZendHashTable>> {
    let mut t = ZendHashTable::with_capacity(u32::try_from(map.len()).unwrap_or(0));
    for (k, v) in map {
        t.insert(k.as_str(), json_to_zval(v)?)?;
    }
    Ok(t)
}

/// Serializes a core value (a struct or a map) into a PHP array.
pub fn to_table<T: Serialize>(value: &T) -> PhpResult<ZBox<ZendHashTable>> {
    match serde_json::to_value(value).map_err(|e| Error::Db(e.to_string()))? {
        Value::Object(map) => map_to_table(map),
        Value::Array(items) => {
            let mut t = ZendHashTable::with_capacity(u32::try_from(items.len()).unwrap_or(0));
            for item in items {
                t.push(json_to_zval(item)?)?;
            }
            Ok(t)
        }
        other => Err(Error::Db(format!("expected an array, got {other}")).into()),
    }
}
