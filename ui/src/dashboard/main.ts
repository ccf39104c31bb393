import { mount } from 'svelte'
import '../app.css'
import './dashboard.css'
import Dashboard from './Dashboard.svelte'

const target = document.getElementById('dashboard')
if (!target) throw new Error('missing #dashboard')

export default mount(Dashboard, { target })
