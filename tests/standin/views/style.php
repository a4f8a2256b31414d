<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2937; background: #f3f4f6; }
  header.standin-top { background: #1e293b; color: #fff; padding: .6rem 1rem; display: flex; justify-content: space-between; }
  header.standin-top a { color: #cbd5e1; }
  .standin-body { display: flex; min-height: calc(100vh - 2.6rem); }
  nav.standin-menu { width: 14rem; background: #fff; border-right: 1px solid #e5e7eb; padding: 1rem; }
  nav.standin-menu ul { list-style: none; padding-left: .8rem; margin: .2rem 0; }
  #wrapper { flex: 1; padding: 1rem 1.5rem; }
  .alert { padding: .6rem 1rem; margin: .5rem 1.5rem; border-radius: 4px; }
  .alert-success { background: #dcfce7; } .alert-danger { background: #fee2e2; }
  .alert-warning { background: #fef9c3; } .alert-info { background: #e0f2fe; }
  .form-group { margin-bottom: .8rem; } .form-control { display: block; padding: .35rem; min-width: 18rem; }
  .text-danger { color: #b91c1c; } table { border-collapse: collapse; background: #fff; }
  td, th { border: 1px solid #e5e7eb; padding: .35rem .6rem; text-align: left; }
  .standin-auth { max-width: 24rem; margin: 3rem auto; background: #fff; padding: 1.5rem; border-radius: 6px; }
</style>
