import './styles.css'
import {App} from './app.js'
import {EngineClient} from './client.js'

void new App(new EngineClient()).start()
